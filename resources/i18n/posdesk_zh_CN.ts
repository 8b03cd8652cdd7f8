<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmountEntry</name>
    <message>
        <location filename="../../src/posdesk/gui/amount_entry.py" line="35"/>
        <source>Amount in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/amount_entry.py" line="36"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/amount_entry.py" line="42"/>
        <source>What is it for? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/amount_entry.py" line="49"/>
        <source>Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/amount_entry.py" line="51"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardEntryDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="137"/>
        <source>Customer authenticates the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="139"/>
        <source>Confirm the security code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="140"/>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="149"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="158"/>
        <source>The customer types the card into Stripe&apos;s secure form on the next screen. PosDesk never sees the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="176"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="280"/>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="180"/>
        <source>Save card only (no charge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="183"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="242"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="208"/>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="211"/>
        <source>Turn the screen to the customer: they type their card into Stripe&apos;s form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="213"/>
        <source>They tick &quot;Save this card for future purchases&quot; only if they agree to keep it on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="215"/>
        <source>If their bank asks, they confirm the payment right there (3D Secure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="216"/>
        <source>PosDesk checks the result with Stripe and shows it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="232"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="367"/>
        <source>Preparing secure card entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="259"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="277"/>
        <source>Take payment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="389"/>
        <source>Your role (%1) may not take payments. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="395"/>
        <source>Card entry could not start. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="400"/>
        <source>Card entry could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="401"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="593"/>
        <source>Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="406"/>
        <source>Saving a card, nothing is charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="409"/>
        <source>Payment of %1 waiting for the customer&apos;s bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="411"/>
        <source>Amount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="438"/>
        <source>Sending the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="449"/>
        <source>Waiting for the card&apos;s bank… If the bank asks, the customer confirms on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="452"/>
        <source>Checking the result with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="458"/>
        <source>The bank still needs the customer to confirm. They can press the button again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="461"/>
        <source>Charging the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="470"/>
        <source>Ask the customer to press the button and confirm with their bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="472"/>
        <source>Ask the customer to enter the card&apos;s security code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="474"/>
        <source>Ask the customer to enter the card they want to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="475"/>
        <source>Ask the customer to enter their card and press Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="483"/>
        <source>Stripe could not be reached. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="491"/>
        <source>Secure card entry could not load. Check the internet connection, then close and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="497"/>
        <source>The card form stays open for another try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="514"/>
        <source>The secure connection to the card form could not be verified, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="533"/>
        <source>Stripe has not confirmed this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="543"/>
        <source>The bank asks the customer to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="559"/>
        <source>PosDesk could not check the result with Stripe. Check the customer&apos;s recent payments before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="569"/>
        <source>%1 charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="571"/>
        <source>%1 not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="587"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="592"/>
        <source>Card saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="588"/>
        <source>%1 is saved for future purchases. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="590"/>
        <source>It now shows in the customer&apos;s saved cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="594"/>
        <source>Card not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="600"/>
        <source>%1 is saved for future purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="602"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="605"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="608"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="611"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="614"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="616"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="617"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="643"/>
        <source>Checking the result with Stripe… one moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="652"/>
        <source>The payment is being confirmed with the bank. Press Cancel again to stop it; nothing is charged if you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="660"/>
        <source>Closing… checking with Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="74"/>
        <source>Charge saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="112"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="140"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="209"/>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="144"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="176"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="424"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="178"/>
        <source>Open settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="181"/>
        <source>Customer is here: authenticate now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="184"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="431"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="206"/>
        <source>Charge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="226"/>
        <source>Charging %1… waiting for Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="262"/>
        <source>Checking with Stripe now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="301"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="303"/>
        <source>Your role (%1) may not take payments. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="305"/>
        <source>Ask a manager to take this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="312"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="413"/>
        <source>Not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="315"/>
        <source>Nothing was sent to Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="323"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="325"/>
        <source>PosDesk could not finish this payment because of an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="327"/>
        <source>Check the customer&apos;s recent payments before charging again, and tell a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="345"/>
        <source>Next check in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="354"/>
        <source>%1 charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="356"/>
        <source>%1 not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="366"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="369"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="372"/>
        <source>Authorised, not yet captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="375"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="379"/>
        <source>This card needs the customer to approve each payment with their bank, which cannot happen while they are not here. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="383"/>
        <source>If the customer is here, they can confirm it now on this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="385"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="389"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="394"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="400"/>
        <source>Stripe can&apos;t be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="396"/>
        <source>The connection to Stripe failed while sending this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="404"/>
        <source>Stripe is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="408"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="415"/>
        <source>Payment not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="424"/>
        <source>Check again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="431"/>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="457"/>
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
        <location filename="../../src/posdesk/gui/customer_page.py" line="81"/>
        <source>Saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="99"/>
        <source>Charge card…  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="102"/>
        <source>Remove card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="105"/>
        <source>New card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="107"/>
        <source>The customer types a new card into Stripe&apos;s secure form: pay with it, and save it if they agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="117"/>
        <source>Recent payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="150"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="213"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="221"/>
        <source>Showing the last known cards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="225"/>
        <source>No saved cards for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="228"/>
        <source>No payments taken in this shop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="236"/>
        <source>This customer could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="238"/>
        <source>Try again, or search for the customer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="262"/>
        <source>This card has expired. Choose another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="344"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="354"/>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="346"/>
        <source>Remove %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="351"/>
        <source>The card can no longer be charged from this shop. The customer has to give it again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="355"/>
        <source>Keep card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="371"/>
        <source>Removing the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="380"/>
        <source>Card removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="385"/>
        <source>You are not allowed to remove cards. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="388"/>
        <source>The card could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="389"/>
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
        <location filename="../../src/posdesk/gui/customer_search.py" line="137"/>
        <source>First %1 matches; type more to narrow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="139"/>
        <source>Matches: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="142"/>
        <source>Up/Down to move, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="145"/>
        <source>No customer matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="147"/>
        <source>Type part of a name, email, phone number or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="152"/>
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
        <location filename="../../src/posdesk/gui/main_window.py" line="53"/>
        <source>PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="61"/>
        <source>Find a customer on the left (Ctrl+K), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="134"/>
        <source>&amp;PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="135"/>
        <source>Stripe settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="138"/>
        <source>Update customers from Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="141"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="147"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="148"/>
        <source>Find customer  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="150"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="160"/>
        <source>TEST MODE — no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="161"/>
        <source>DEMO — sample data on a built-in sandbox, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="162"/>
        <source>NOT SET UP — add a Stripe key in the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="170"/>
        <source>Stripe: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="174"/>
        <location filename="../../src/posdesk/gui/main_window.py" line="385"/>
        <source>Stripe: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="178"/>
        <source>test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="179"/>
        <source>live mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="180"/>
        <source>demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="268"/>
        <source>Updating customers from Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="287"/>
        <source>Updating customers from Stripe… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="292"/>
        <source>Updating customers from Stripe… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="298"/>
        <source>Stripe: connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="301"/>
        <source>Customers updated from Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="312"/>
        <source>Stripe: key not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="314"/>
        <source>Stripe: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="316"/>
        <source>Showing the saved customer list. %1 F5 tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="317"/>
        <source>Could not update customers from Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="335"/>
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
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="49"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="49"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="49"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="49"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="93"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="94"/>
        <source>Partly refunded (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="53"/>
        <source>Stripe settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="58"/>
        <source>PosDesk talks to Stripe with your account&apos;s API key. Use a restricted key (it starts with rk_): create one in the Stripe Dashboard under Developers → API keys → Create restricted key, with write access to Customers, PaymentIntents, PaymentMethods and SetupIntents and read access to Events. A secret key (sk_) works too but can do anything on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="72"/>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="117"/>
        <source>Restricted or secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="77"/>
        <source>whsec_… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="86"/>
        <source>Ask for the card&apos;s security code (CVC) before charging a saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="94"/>
        <source>Also receive webhooks (needs the webhook signing secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="99"/>
        <source>127.0.0.1 for this computer only; this computer&apos;s LAN address to accept webhooks forwarded by the store&apos;s network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="118"/>
        <source>Publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="119"/>
        <source>Webhook signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="121"/>
        <source>Webhook address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="122"/>
        <source>Webhook port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="125"/>
        <source>Check and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="130"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="158"/>
        <source>A key is already saved in the system keyring. Enter a new one to replace it, or leave the field empty to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="162"/>
        <source>No key is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="181"/>
        <source>LIVE mode: charges move real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="183"/>
        <source>Test mode: no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="185"/>
        <source>Tip: a restricted key (rk_) is safer than a secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="190"/>
        <source>The publishable key is from the other mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="214"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="219"/>
        <source>The webhook address must be an IP address of this computer, such as 127.0.0.1 or 192.168.1.20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="238"/>
        <source>Enter the restricted or secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="244"/>
        <source>Checking the key with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="267"/>
        <source>Stripe did not accept the key: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="279"/>
        <source>The key could not be checked: Stripe did not answer. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="322"/>
        <source>The settings file could not be written, so no setting changed and no key was saved. Check that the disk is not full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="92"/>
        <source>Sync: catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="95"/>
        <source>Sync: webhooks + polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="97"/>
        <source>Sync: polling (webhook relay could not start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="98"/>
        <source>Sync: polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="100"/>
        <source>Sync: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="101"/>
        <source>Sync: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="106"/>
        <source>retrying automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="109"/>
        <source>retrying now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="111"/>
        <source>retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="112"/>
        <source>retrying in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="117"/>
        <source>Sync: Stripe unreachable, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="119"/>
        <source>Sync: Stripe is busy, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="121"/>
        <source>Sync: the Stripe key was not accepted; check the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="122"/>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="131"/>
        <source>last event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="136"/>
        <source>caught up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="148"/>
        <source>Webhooks are received at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="150"/>
        <source>The webhook relay could not start (%1); polling only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="34"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="36"/>
        <source>%1 s behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="38"/>
        <source>%1 min behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="40"/>
        <source>%1 h behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="41"/>
        <source>%1 days behind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
