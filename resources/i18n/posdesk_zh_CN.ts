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
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="80"/>
        <source>Charge saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="114"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="127"/>
        <source>Amount in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="128"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="134"/>
        <source>What is it for? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="139"/>
        <source>Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="141"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="153"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="250"/>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="157"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="211"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="213"/>
        <source>Open settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="215"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="426"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="247"/>
        <source>Charge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="262"/>
        <source>Charging %1… waiting for Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="279"/>
        <source>Trying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="295"/>
        <source>Checking with Stripe now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="322"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="324"/>
        <source>Your role (%1) may not take payments. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="326"/>
        <source>Ask a manager to take this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="333"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="335"/>
        <source>PosDesk could not finish this payment because of an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="337"/>
        <source>Check the customer&apos;s recent payments before charging again, and tell a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="347"/>
        <source>Next check in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="358"/>
        <source>%1 charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="360"/>
        <source>%1 not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="368"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="371"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="374"/>
        <source>Authorised, not yet captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="377"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="381"/>
        <source>This card needs the customer to approve each payment with their bank, which cannot happen while they are not here. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="385"/>
        <source>Taking a card with the customer present comes in a later version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="387"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="390"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="394"/>
        <source>Stripe can&apos;t be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="398"/>
        <source>Stripe is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="402"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="404"/>
        <source>Settings: Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="406"/>
        <source>Payment not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="426"/>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="442"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be cancelled now.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../src/posdesk/gui/customer_list_model.py" line="36"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="68"/>
        <source>Saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="86"/>
        <source>Charge card…  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="89"/>
        <source>Remove card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="97"/>
        <source>Recent payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="130"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="154"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="163"/>
        <source>No saved cards for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="165"/>
        <source>No payments taken in this shop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="173"/>
        <source>This customer could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="174"/>
        <source>Try again, or search for the customer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="196"/>
        <source>This card has expired. Choose another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="242"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="252"/>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="244"/>
        <source>Remove %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="249"/>
        <source>The card can no longer be charged from this shop. The customer has to give it again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="253"/>
        <source>Keep card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="269"/>
        <source>Removing the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="278"/>
        <source>Card removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="283"/>
        <source>You are not allowed to remove cards. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="286"/>
        <source>The card could not be removed: %1</source>
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
        <location filename="../../src/posdesk/gui/customer_search.py" line="60"/>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="69"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="72"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/customer_search.py" line="121"/>
        <source>%n customer(s) found. Up/Down to move, Enter to open.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="124"/>
        <source>No customer matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="126"/>
        <source>No customers yet. Use “New customer…” to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="131"/>
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
        <location filename="../../src/posdesk/gui/main_window.py" line="46"/>
        <source>PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="54"/>
        <source>Find a customer on the left (Ctrl+K), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="113"/>
        <source>&amp;PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="114"/>
        <source>Stripe settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="117"/>
        <source>Update customers from Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="120"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="126"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="127"/>
        <source>Find customer  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="129"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="139"/>
        <source>TEST MODE — no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="140"/>
        <source>DEMO — sample data on a built-in sandbox, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="141"/>
        <source>NOT SET UP — add a Stripe key in the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="149"/>
        <source>Stripe: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="153"/>
        <location filename="../../src/posdesk/gui/main_window.py" line="289"/>
        <source>Stripe: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="157"/>
        <source>test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="158"/>
        <source>live mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="159"/>
        <source>demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="182"/>
        <source>Updating customers from Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="201"/>
        <source>Updating customers from Stripe… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="206"/>
        <source>Updating customers from Stripe… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="212"/>
        <source>Stripe: connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/main_window.py" line="215"/>
        <source>%n customer(s) updated from Stripe.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="224"/>
        <source>Stripe: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="226"/>
        <source>Could not update customers from Stripe; showing the saved list. F5 tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/main_window.py" line="244"/>
        <source>%n earlier payment(s) checked with Stripe.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
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
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="75"/>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="79"/>
        <source>Creating the customer in Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="100"/>
        <source>You are not allowed to add customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="106"/>
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
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="131"/>
        <source>A key is already saved in the system keyring. Enter a new one to replace it, or leave the field empty to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="135"/>
        <source>No key is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="154"/>
        <source>LIVE mode: charges move real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="156"/>
        <source>Test mode: no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="158"/>
        <source>Tip: a restricted key (rk_) is safer than a secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="163"/>
        <source>The publishable key is from the other mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="187"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="203"/>
        <source>Enter the restricted or secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="209"/>
        <source>Checking the key with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="228"/>
        <source>Stripe did not accept the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="240"/>
        <source>The key could not be checked: Stripe did not answer. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
