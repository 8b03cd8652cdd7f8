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
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="142"/>
        <source>Customer authenticates the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="144"/>
        <source>Confirm the security code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="145"/>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="154"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="163"/>
        <source>The customer types the card into Stripe&apos;s secure form on the next screen. PosDesk never sees the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="181"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="285"/>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="185"/>
        <source>Save card only (no charge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="188"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="247"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="213"/>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="216"/>
        <source>Turn the screen to the customer: they type their card into Stripe&apos;s form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="218"/>
        <source>They tick &quot;Save this card for future purchases&quot; only if they agree to keep it on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="220"/>
        <source>If their bank asks, they confirm the payment right there (3D Secure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="221"/>
        <source>PosDesk checks the result with Stripe and shows it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="237"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="378"/>
        <source>Preparing secure card entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="264"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="282"/>
        <source>Take payment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="402"/>
        <source>Your role (%1) may not take payments. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="408"/>
        <source>Card entry could not start. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="413"/>
        <source>Card entry could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="414"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="625"/>
        <source>Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="419"/>
        <source>Saving a card, nothing is charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="423"/>
        <source>Payment of %1 not confirmed by the customer&apos;s bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="426"/>
        <source>Payment of %1 waiting for the customer&apos;s bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="428"/>
        <source>Amount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="457"/>
        <source>Sending the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="469"/>
        <source>Waiting for the card&apos;s bank… If the bank asks, the customer confirms on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="472"/>
        <source>Checking the result with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="478"/>
        <source>The bank still needs the customer to confirm. They can press the button again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="481"/>
        <source>Charging the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="490"/>
        <source>Ask the customer to press the button and confirm with their bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="492"/>
        <source>Ask the customer to enter the card&apos;s security code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="494"/>
        <source>Ask the customer to enter the card they want to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="495"/>
        <source>Ask the customer to enter their card and press Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="503"/>
        <source>Stripe could not be reached. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="511"/>
        <source>Secure card entry could not load. Check the internet connection, then close and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="521"/>
        <source>The customer can press the button again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="524"/>
        <source>The card form stays open for another try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="546"/>
        <source>The secure connection to the card form could not be verified, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="565"/>
        <source>Stripe has not confirmed this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="575"/>
        <source>The bank asks the customer to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="591"/>
        <source>PosDesk could not check the result with Stripe. Check the customer&apos;s recent payments before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="601"/>
        <source>%1 charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="603"/>
        <source>%1 not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="619"/>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="624"/>
        <source>Card saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="620"/>
        <source>%1 is saved for future purchases. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="622"/>
        <source>It now shows in the customer&apos;s saved cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="626"/>
        <source>Card not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="632"/>
        <source>%1 is saved for future purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="634"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="637"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="641"/>
        <source>Stripe can&apos;t be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="644"/>
        <source>Stripe is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="647"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="650"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="653"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="655"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="656"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="682"/>
        <source>Checking the result with Stripe… one moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="691"/>
        <source>The payment is being confirmed with the bank. Press Cancel again to stop it; nothing is charged if you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_entry_dialog.py" line="699"/>
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
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="92"/>
        <source>The customer&apos;s default card at Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/card_table_model.py" line="95"/>
        <source>Default card</source>
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
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="427"/>
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
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="434"/>
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
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="415"/>
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
        <source>Authorized, not yet captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="460"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be canceled now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="376"/>
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
        <source>If the customer is here, they can confirm it now on this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="387"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="391"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="396"/>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="402"/>
        <source>Stripe can&apos;t be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="398"/>
        <source>The connection to Stripe failed while sending this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="406"/>
        <source>Stripe is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="410"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="417"/>
        <source>Payment not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="427"/>
        <source>Check again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/charge_dialog.py" line="434"/>
        <source>Close  (Esc)</source>
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
        <location filename="../../src/posdesk/gui/customer_page.py" line="104"/>
        <source>Saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="129"/>
        <source>Charge card…  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="130"/>
        <source>Charge the selected card while the customer is not present (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="131"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="183"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="135"/>
        <source>The customer types a new card into Stripe&apos;s secure form: pay with it, and save it if they agree (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="140"/>
        <source>Make default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="141"/>
        <source>Make the selected card the customer&apos;s default card (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="145"/>
        <source>Remove card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="134"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="186"/>
        <source>New card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="146"/>
        <source>Remove the selected card from this customer, after asking (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="156"/>
        <source>Recent payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="183"/>
        <source>Charge selected card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="191"/>
        <source>Make selected card the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="194"/>
        <source>Remove selected card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="226"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="283"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="291"/>
        <source>Showing the last known cards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="295"/>
        <source>No saved cards for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="298"/>
        <source>No payments taken in this shop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="307"/>
        <source>This customer could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="309"/>
        <source>Try again, or search for the customer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="340"/>
        <source>This card has expired. Choose another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="422"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="432"/>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="424"/>
        <source>Remove %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="429"/>
        <source>The card can no longer be charged from this shop. The customer has to give it again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="433"/>
        <source>Keep card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="451"/>
        <source>Removing the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="460"/>
        <source>Card removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="465"/>
        <source>You are not allowed to remove cards. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="468"/>
        <source>The card could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="469"/>
        <location filename="../../src/posdesk/gui/customer_page.py" line="519"/>
        <source>Stripe did not answer. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="492"/>
        <source>Making %1 the default card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="505"/>
        <source>%1 is now the default card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="516"/>
        <source>You are not allowed to change the default card. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_page.py" line="518"/>
        <source>The default card could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="56"/>
        <source>Name, email, phone or id  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="59"/>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="71"/>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="49"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="80"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="150"/>
        <source>First %1 matches; type more to narrow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="152"/>
        <source>Matches: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="155"/>
        <source>Up/Down to move, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="158"/>
        <source>No customer matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="160"/>
        <source>Type part of a name, email, phone number or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customer_search.py" line="165"/>
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
    <message>
        <location filename="../../src/posdesk/gui/keyring_missing_dialog.py" line="36"/>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="59"/>
        <source>PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="67"/>
        <source>Find a customer on the left (Ctrl+K), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="145"/>
        <source>&amp;PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="149"/>
        <source>Update customers from Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="152"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="158"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="169"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="181"/>
        <source>Create a customer in Stripe (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="189"/>
        <source>TEST MODE — no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="190"/>
        <source>DEMO — sample data on a built-in sandbox, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="191"/>
        <source>NOT SET UP — add a Stripe key in the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="199"/>
        <source>Stripe: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="203"/>
        <location filename="../../src/posdesk/gui/main_window.py" line="425"/>
        <source>Stripe: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="207"/>
        <source>test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="208"/>
        <source>live mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="209"/>
        <source>demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="311"/>
        <source>Updating customers from Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="330"/>
        <source>Updating customers from Stripe… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="335"/>
        <source>Updating customers from Stripe… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="216"/>
        <source>Stripe: connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="343"/>
        <source>Customers updated from Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="218"/>
        <source>Stripe: key not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="146"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="160"/>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="220"/>
        <source>Stripe: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="356"/>
        <source>Showing the saved customer list. %1 F5 tries again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="357"/>
        <source>Could not update customers from Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/main_window.py" line="375"/>
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
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="47"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="48"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="49"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="56"/>
        <source>Create customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="60"/>
        <source>Create the customer in Stripe (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="63"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="81"/>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="85"/>
        <source>Creating the customer in Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="108"/>
        <source>You are not allowed to add customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/new_customer_dialog.py" line="112"/>
        <source>Stripe did not answer. Nothing was created; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentState</name>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="38"/>
        <source>Sending to Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="39"/>
        <source>Checking with Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="40"/>
        <source>Waiting for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="41"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="42"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="43"/>
        <source>Authorized, not captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="44"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="45"/>
        <source>Needs customer to authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="48"/>
        <source>Failed, not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="49"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="50"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="50"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="50"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="50"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="94"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payment_table_model.py" line="95"/>
        <source>Partly refunded (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="76"/>
        <source>Stripe code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="60"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="65"/>
        <source>PosDesk talks to Stripe with your account&apos;s API key. Use a restricted key (it starts with rk_): create one in the Stripe Dashboard under Developers → API keys → Create restricted key, with write access to Customers, PaymentIntents, PaymentMethods and SetupIntents and read access to Events. A secret key (sk_) works too but can do anything on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="79"/>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="126"/>
        <source>Restricted or secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="84"/>
        <source>whsec_… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="93"/>
        <source>Ask for the card&apos;s security code (CVC) before charging a saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="101"/>
        <source>Also receive webhooks (needs the webhook signing secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="106"/>
        <source>127.0.0.1 for this computer only; this computer&apos;s LAN address to accept webhooks forwarded by the store&apos;s network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="127"/>
        <source>Publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="128"/>
        <source>Webhook signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="131"/>
        <source>Webhook address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="132"/>
        <source>Webhook port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="139"/>
        <source>Check and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="144"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="157"/>
        <source>Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="158"/>
        <source>Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="159"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="215"/>
        <source>A key is already saved in the system keyring. Enter a new one to replace it, or leave the field empty to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="219"/>
        <source>No key is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="238"/>
        <source>LIVE mode: charges move real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="240"/>
        <source>Test mode: no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="242"/>
        <source>Tip: a restricted key (rk_) is safer than a secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="247"/>
        <source>The publishable key is from the other mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="271"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="276"/>
        <source>The webhook address must be an IP address of this computer, such as 127.0.0.1 or 192.168.1.20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="286"/>
        <source>Wait until the store switch has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="298"/>
        <source>Enter the restricted or secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="304"/>
        <source>Checking the key with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="330"/>
        <source>The key could not be checked. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="339"/>
        <source>The key could not be checked: Stripe did not answer. Nothing was saved. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings_dialog.py" line="384"/>
        <source>The settings file could not be written, so no setting changed and no key was saved. Check that the disk is not full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartRefused</name>
    <message>
        <location filename="../../src/posdesk/gui/app.py" line="81"/>
        <source>PosDesk is not starting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorePanel</name>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="84"/>
        <source>POSDESK_DATABASE_URL is set on this computer: it chooses the store while it is set, whatever is chosen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="89"/>
        <source>SQLite on this computer (one terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="91"/>
        <source>PostgreSQL, shared by several terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="99"/>
        <source>PostgreSQL URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="102"/>
        <source>No password in the URL: settings are a plain file. Put the password in ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf) or in the PGPASSWORD environment variable; PostgreSQL finds it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="115"/>
        <source>Test and switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="153"/>
        <source>In the demo, choose the store on the command line: posdesk --demo --store postgresql://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="172"/>
        <source>This terminal uses: SQLite on this computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="174"/>
        <source>This terminal uses: PostgreSQL at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="192"/>
        <location filename="../../src/posdesk/gui/store_panel.py" line="207"/>
        <source>This terminal already uses this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="210"/>
        <source>SQLite on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="227"/>
        <source>This terminal&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="228"/>
        <source>Copy this terminal&apos;s data into the PostgreSQL store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="230"/>
        <source>customers: %1 · payments: %2 · audit entries: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="236"/>
        <source>This computer&apos;s store holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="237"/>
        <source>Copy: they are added to the PostgreSQL store; what it already holds is kept as it is, and nothing is copied twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="239"/>
        <source>Start fresh: the PostgreSQL store is used as it is; this computer&apos;s data stays in its local file, untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="243"/>
        <source>Copy this terminal&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="246"/>
        <source>Start fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="272"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="286"/>
        <source>Rows copied: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="289"/>
        <source>Rows not copied because the store holds a different row with the same payment or key: %1 (the log names them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="304"/>
        <source>The settings file could not be written, so the store was not changed. Check that the disk is not full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="309"/>
        <source>Restart PosDesk to use %1. Until then this window keeps using the store it started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="321"/>
        <source>PostgreSQL did not accept the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="325"/>
        <source>The store could not be prepared (see the log). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="345"/>
        <source>Enter the store&apos;s URL, such as postgresql://posdesk@db-server/posdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="347"/>
        <source>This is not a PostgreSQL URL: write it as postgresql://user@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="349"/>
        <source>The URL holds a password: leave it out, and put it in ~/.pgpass or PGPASSWORD as described above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="352"/>
        <source>Name the database at the end: postgresql://user@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="358"/>
        <source>Connecting to PostgreSQL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="360"/>
        <source>Bringing the store&apos;s tables up to date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="363"/>
        <source>customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="364"/>
        <source>saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="365"/>
        <source>payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="366"/>
        <source>refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="367"/>
        <source>audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="368"/>
        <source>terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/store_panel.py" line="371"/>
        <source>Copying %1: %2 of %3…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="52"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="54"/>
        <source>%1 s behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="56"/>
        <source>%1 min behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="59"/>
        <source>%1 h behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="61"/>
        <source>%1 days behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="137"/>
        <source>Sync: by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="138"/>
        <source>Sync: by another terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="140"/>
        <source>Sync: catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="143"/>
        <source>Sync: webhooks + polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="145"/>
        <source>Sync: polling (webhook relay could not start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="146"/>
        <source>Sync: polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="148"/>
        <source>Sync: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="149"/>
        <source>Sync: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="154"/>
        <source>retrying automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="157"/>
        <source>retrying now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="159"/>
        <source>retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="160"/>
        <source>retrying in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="165"/>
        <source>Sync: Stripe unreachable, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="167"/>
        <source>Sync: Stripe is busy, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="169"/>
        <source>Sync: the Stripe key was not accepted; check the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="170"/>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="179"/>
        <source>last event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="184"/>
        <source>caught up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="196"/>
        <source>Another terminal of this shop keeps the store in step with Stripe; this one takes over if it stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="199"/>
        <source>Webhooks are received at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/sync_status.py" line="201"/>
        <source>The webhook relay could not start (%1); polling only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="51"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="51"/>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="51"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="51"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="52"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="60"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="62"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="64"/>
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="75"/>
        <source>%1 (this terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="83"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminal_table_model.py" line="83"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalsPanel</name>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="49"/>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="78"/>
        <source>Terminal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="51"/>
        <source>How this computer appears in the store&apos;s list of terminals, e.g. “Till 1” or “Back office”. Empty: the computer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="58"/>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="63"/>
        <source>Terminals using this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="73"/>
        <source>Reading the terminals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="122"/>
        <source>No terminal has registered in this store yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="125"/>
        <source>Live now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="126"/>
        <source>a terminal is offline once not seen for %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/terminals_panel.py" line="134"/>
        <source>The list of terminals could not be read from the store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
