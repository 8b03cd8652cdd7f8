<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CardTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="42"/>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="45"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="42"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="42"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="42"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="55"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="57"/>
        <source>Expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="77"/>
        <source>★ Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="90"/>
        <source>This card expires at the end of the shown month.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="82"/>
        <source>Charge saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="116"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="129"/>
        <source>Amount in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="130"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="136"/>
        <source>What is it for? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="141"/>
        <source>Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="143"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="155"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="252"/>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="159"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="213"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="459"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="215"/>
        <source>Open settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="217"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="465"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="249"/>
        <source>Charge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="264"/>
        <source>Charging %1… waiting for Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="299"/>
        <source>Checking with Stripe now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="338"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="340"/>
        <source>Your role (%1) may not take payments. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="342"/>
        <source>Ask a manager to take this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="349"/>
        <source>Not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="352"/>
        <source>Nothing was sent to Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="360"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="362"/>
        <source>PosDesk could not finish this payment because of an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="364"/>
        <source>Check the customer&apos;s recent payments before charging again, and tell a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="374"/>
        <source>Next check in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="385"/>
        <source>%1 charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="387"/>
        <source>%1 not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="397"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="400"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="403"/>
        <source>Authorised, not yet captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="406"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="410"/>
        <source>This card needs the customer to approve each payment with their bank, which cannot happen while they are not here. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="414"/>
        <source>Taking a card with the customer present comes in a later version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="416"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="419"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="424"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="430"/>
        <source>Stripe can&apos;t be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="426"/>
        <source>The connection to Stripe failed while sending this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="434"/>
        <source>Stripe is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="438"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="440"/>
        <source>Settings: Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="442"/>
        <source>Payment not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="459"/>
        <source>Check again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="465"/>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="495"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be cancelled now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../src/posdesk/gui/customer_list_model.py" line="37"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="70"/>
        <source>Saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="88"/>
        <source>Charge card…  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="91"/>
        <source>Remove card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="99"/>
        <source>Recent payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="132"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="156"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="164"/>
        <source>Showing the last known cards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="168"/>
        <source>No saved cards for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="171"/>
        <source>No payments taken in this shop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="179"/>
        <source>This customer could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="181"/>
        <source>Try again, or search for the customer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="204"/>
        <source>This card has expired. Choose another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="252"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="262"/>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="254"/>
        <source>Remove %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="259"/>
        <source>The card can no longer be charged from this shop. The customer has to give it again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="263"/>
        <source>Keep card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="279"/>
        <source>Removing the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="288"/>
        <source>Card removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="293"/>
        <source>You are not allowed to remove cards. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="296"/>
        <source>The card could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="297"/>
        <source>Stripe did not answer. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="47"/>
        <source>Name, email, phone or id  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="50"/>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="62"/>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="71"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="74"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="123"/>
        <source>First %1 matches; type more to narrow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="125"/>
        <source>Matches: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="128"/>
        <source>Up/Down to move, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="131"/>
        <source>No customer matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="133"/>
        <source>Type part of a name, email, phone number or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="138"/>
        <source>Search failed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringMissingDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/keyring_missing_dialog.py" line="14"/>
        <source>System keyring needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/keyring_missing_dialog.py" line="18"/>
        <source>PosDesk cannot store the Stripe key safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/keyring_missing_dialog.py" line="25"/>
        <source>Keys are never written to a file instead. Until a keyring works, PosDesk can only run the demo (posdesk --demo).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="47"/>
        <source>PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="55"/>
        <source>Find a customer on the left (Ctrl+K), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="114"/>
        <source>&amp;PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="115"/>
        <source>Stripe settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="118"/>
        <source>Update customers from Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="121"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="127"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="128"/>
        <source>Find customer  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="130"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="140"/>
        <source>TEST MODE — no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="141"/>
        <source>DEMO — sample data on a built-in sandbox, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="142"/>
        <source>NOT SET UP — add a Stripe key in the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="150"/>
        <source>Stripe: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="154"/>
        <location filename="../../src/posdesk/gui/main_window.py" line="297"/>
        <source>Stripe: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="158"/>
        <source>test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="159"/>
        <source>live mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="160"/>
        <source>demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="183"/>
        <source>Updating customers from Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="202"/>
        <source>Updating customers from Stripe… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="207"/>
        <source>Updating customers from Stripe… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="213"/>
        <source>Stripe: connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="216"/>
        <source>Customers updated from Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="227"/>
        <source>Stripe: key not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="229"/>
        <source>Stripe: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="231"/>
        <source>Showing the saved customer list. %1 F5 tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="232"/>
        <source>Could not update customers from Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="250"/>
        <source>Earlier payments checked with Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="35"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="44"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="45"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="46"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="53"/>
        <source>Create customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="58"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="76"/>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="80"/>
        <source>Creating the customer in Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="103"/>
        <source>You are not allowed to add customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="107"/>
        <source>Stripe did not answer. Nothing was created; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentState</name>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="32"/>
        <source>Sending to Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="33"/>
        <source>Checking with Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="34"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="35"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="36"/>
        <source>Authorised, not captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="37"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="38"/>
        <source>Needs customer to authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="41"/>
        <source>Failed, not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="42"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="47"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="47"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="47"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="47"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="54"/>
        <source>Stripe settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="59"/>
        <source>PosDesk talks to Stripe with your account&apos;s API key. Use a restricted key (it starts with rk_): create one in the Stripe Dashboard under Developers → API keys → Create restricted key, with write access to Customers, PaymentIntents, PaymentMethods and SetupIntents and read access to Events. A secret key (sk_) works too but can do anything on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="73"/>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="97"/>
        <source>Restricted or secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="78"/>
        <source>whsec_… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="98"/>
        <source>Publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="99"/>
        <source>Webhook signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="102"/>
        <source>Check and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="107"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="132"/>
        <source>A key is already saved in the system keyring. Enter a new one to replace it, or leave the field empty to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="136"/>
        <source>No key is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="155"/>
        <source>LIVE mode: charges move real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="157"/>
        <source>Test mode: no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="159"/>
        <source>Tip: a restricted key (rk_) is safer than a secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="164"/>
        <source>The publishable key is from the other mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="188"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="204"/>
        <source>Enter the restricted or secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="210"/>
        <source>Checking the key with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="230"/>
        <source>Stripe did not accept the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="242"/>
        <source>The key could not be checked: Stripe did not answer. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
