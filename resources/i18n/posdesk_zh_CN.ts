<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AmountEntry</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="35"/>
        <source>Amount in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="36"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="42"/>
        <source>What is it for? (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="49"/>
        <source>Amount (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="51"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardEntryDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="156"/>
        <source>Customer authenticates the payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="158"/>
        <source>Confirm the security code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="159"/>
        <source>New card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="168"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="177"/>
        <source>The customer types the card into Stripe&apos;s secure form on the next screen. PosDesk never sees the card number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="195"/>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="299"/>
        <source>Take payment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="199"/>
        <source>Save card only (no charge)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="202"/>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="261"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="227"/>
        <source>What happens next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="230"/>
        <source>Turn the screen to the customer: they type their card into Stripe&apos;s form.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="232"/>
        <source>They tick &quot;Save this card for future purchases&quot; only if they agree to keep it on file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="234"/>
        <source>If their bank asks, they confirm the payment right there (3D Secure).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="235"/>
        <source>PosDesk checks the result with Stripe and shows it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="251"/>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="398"/>
        <source>Preparing secure card entry…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="278"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="296"/>
        <source>Take payment of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="424"/>
        <source>Your role (%1) may not take payments. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="423"/>
        <source>Card entry could not start. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="430"/>
        <source>Card entry could not start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="431"/>
        <source>Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="436"/>
        <source>Saving a card, nothing is charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="441"/>
        <source>Payment of %1 not confirmed by the customer&apos;s bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="444"/>
        <source>Payment of %1 waiting for the customer&apos;s bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="446"/>
        <source>Amount: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="473"/>
        <source>Sending the payment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="482"/>
        <source>Waiting for the card&apos;s bank… If the bank asks, the customer confirms on the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="485"/>
        <source>Checking the result with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="491"/>
        <source>The bank still needs the customer to confirm. They can press the button again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="494"/>
        <source>Charging the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="501"/>
        <source>Ask the customer to press the button and confirm with their bank.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="503"/>
        <source>Ask the customer to enter the card&apos;s security code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="505"/>
        <source>Ask the customer to enter the card they want to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="506"/>
        <source>Ask the customer to enter their card and press Pay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="514"/>
        <source>Stripe could not be reached. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="523"/>
        <source>Secure card entry could not load. Check the internet connection, then close and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="533"/>
        <source>The customer can press the button again to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="536"/>
        <source>The card form stays open for another try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="560"/>
        <source>The secure connection to the card form could not be verified, so it was not opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="579"/>
        <source>Stripe has not confirmed this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="589"/>
        <source>The bank asks the customer to confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="604"/>
        <source>PosDesk could not check the result with Stripe. Check the customer&apos;s recent payments before trying again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="635"/>
        <source>Checking the result with Stripe… one moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="644"/>
        <source>The payment is being confirmed with the bank. Press Cancel again to stop it; nothing is charged if you do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="652"/>
        <source>Closing… checking with Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="43"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="43"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="43"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="43"/>
        <source>Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="51"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="53"/>
        <source>Expires soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="75"/>
        <source>★ Default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="88"/>
        <source>This card expires at the end of the shown month.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="90"/>
        <source>The customer&apos;s default card at Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="93"/>
        <source>Default card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="69"/>
        <source>Charge saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="106"/>
        <source>Customer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="134"/>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="204"/>
        <source>Charge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="138"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="170"/>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="328"/>
        <source>Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="172"/>
        <source>Open settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="175"/>
        <source>Customer is here: authenticate now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="178"/>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="335"/>
        <source>Done  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="200"/>
        <source>Charge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="221"/>
        <source>Charging %1… waiting for Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="253"/>
        <source>Checking with Stripe now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="288"/>
        <source>Your role (%1) may not take payments. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="305"/>
        <source>Next check in %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="361"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be canceled now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="328"/>
        <source>Check again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="335"/>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_list_model.py" line="39"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="121"/>
        <source>Saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="146"/>
        <source>Charge card…  (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="147"/>
        <source>Charge the selected card while the customer is not present (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="148"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="200"/>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="152"/>
        <source>The customer types a new card into Stripe&apos;s secure form: pay with it, and save it if they agree (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="157"/>
        <source>Make default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="158"/>
        <source>Make the selected card the customer&apos;s default card (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="162"/>
        <source>Remove card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="151"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="203"/>
        <source>New card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="163"/>
        <source>Remove the selected card from this customer, after asking (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="173"/>
        <source>Recent payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="200"/>
        <source>Charge selected card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="208"/>
        <source>Make selected card the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="211"/>
        <source>Remove selected card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="243"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="309"/>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="318"/>
        <source>Showing the last known cards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="322"/>
        <source>No saved cards for this customer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="325"/>
        <source>No payments taken in this shop yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="346"/>
        <source>This customer could not be loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="342"/>
        <source>Try again, or search for the customer again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="377"/>
        <source>This card has expired. Choose another card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="470"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="480"/>
        <source>Remove card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="472"/>
        <source>Remove %1 from %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="477"/>
        <source>The card can no longer be charged from this shop. The customer has to give it again to use it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="481"/>
        <source>Keep card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="499"/>
        <source>Removing the card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="506"/>
        <source>Card removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="511"/>
        <source>You are not allowed to remove cards. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="515"/>
        <source>The card could not be removed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="510"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="555"/>
        <source>Stripe did not answer. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="537"/>
        <source>Making %1 the default card…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="548"/>
        <source>%1 is now the default card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="556"/>
        <source>You are not allowed to change the default card. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="562"/>
        <source>The default card could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerRefresh</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="55"/>
        <source>Updating customers from Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="78"/>
        <source>Updating customers from Stripe… %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="82"/>
        <source>Updating customers from Stripe… %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="89"/>
        <source>Customers updated from Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="98"/>
        <source>Could not update customers from Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="101"/>
        <source>Showing the saved customer list. %1 F5 tries again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="57"/>
        <source>Name, email, phone or id  (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="60"/>
        <source>Search customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="72"/>
        <source>Matching customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="50"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="81"/>
        <source>Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="158"/>
        <source>First %1 matches; type more to narrow down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="160"/>
        <source>Matches: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="163"/>
        <source>Up/Down to move, Enter to open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="166"/>
        <source>No customer matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="168"/>
        <source>Type part of a name, email, phone number or id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="173"/>
        <source>Search failed. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../src/posdesk/gui/common/error_words.py" line="51"/>
        <source>Your role (%1) may not do this. Ask a manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/common/error_words.py" line="80"/>
        <source>Something went wrong. Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/common/error_words.py" line="91"/>
        <source>PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyringMissingDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="14"/>
        <source>System keyring needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="18"/>
        <source>PosDesk cannot store the Stripe key safely</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="25"/>
        <source>Keys are never written to a file instead. Until a keyring works, PosDesk can only run the demo (posdesk --demo).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="36"/>
        <source>Close  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="59"/>
        <source>PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="67"/>
        <source>Find a customer on the left (Ctrl+K), then press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="149"/>
        <source>&amp;PosDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="153"/>
        <source>Update customers from Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="157"/>
        <source>Read every customer from Stripe again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="160"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="168"/>
        <source>&amp;Customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="179"/>
        <source>New customer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="191"/>
        <source>Create a customer in Stripe (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="199"/>
        <source>TEST MODE — no real money moves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="200"/>
        <source>DEMO — sample data on a built-in sandbox, no real money</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="201"/>
        <source>NOT SET UP — add a Stripe key in the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="209"/>
        <source>Stripe: not configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="213"/>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="290"/>
        <source>Stripe: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="217"/>
        <source>test mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="218"/>
        <source>live mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="219"/>
        <source>demo sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="226"/>
        <source>Stripe: connected (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="228"/>
        <source>Stripe: key not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="150"/>
        <source>Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="170"/>
        <source>Find customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="230"/>
        <source>Stripe: unreachable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="88"/>
        <source>{currency} amounts have at most {places} decimal places.</source>
        <comment>amount.at_most_decimals</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="85"/>
        <source>{currency} amounts have at most one decimal place.</source>
        <comment>amount.at_most_one_decimal</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="100"/>
        <source>The maximum charge in {currency} is {amount}.</source>
        <comment>amount.maximum_charge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="99"/>
        <source>The minimum charge in {currency} is {amount}.</source>
        <comment>amount.minimum_charge</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="74"/>
        <source>Enter an amount to charge.</source>
        <comment>amount.missing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="92"/>
        <source>The amount cannot be negative. Use a refund to give money back.</source>
        <comment>amount.negative</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="78"/>
        <source>“{typed}” is not an amount. Type a number such as {example}.</source>
        <comment>amount.not_a_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="51"/>
        <source>{currency} amounts must end in 0 in the third decimal place.</source>
        <comment>amount.third_decimal</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="95"/>
        <source>{currency} amounts must end in 0 in the third decimal place, for example {example}.</source>
        <comment>amount.third_decimal_zero</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="75"/>
        <source>This is too long for an amount. Type a number such as {example}.</source>
        <comment>amount.too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="71"/>
        <source>“{code}” is not a currency code (such as USD, EUR or GBP).</source>
        <comment>amount.unknown_currency</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="81"/>
        <source>{currency} amounts are whole numbers, without decimals.</source>
        <comment>amount.whole_numbers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="91"/>
        <source>The amount must be more than zero.</source>
        <comment>amount.zero</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="7"/>
        <source>A charge over {limit} needs a manager&apos;s approval. Nothing was charged.</source>
        <comment>approval.charge_over_limit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="11"/>
        <source>A refund over {limit} needs a manager&apos;s approval. Nothing was refunded.</source>
        <comment>approval.refund_over_limit</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="15"/>
        <source>Removing a saved card needs a manager&apos;s approval. The card was not removed.</source>
        <comment>approval.remove_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="88"/>
        <source>The card was not saved.</source>
        <comment>card_entry.card_not_saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="90"/>
        <source>The card was not saved. {reason}</source>
        <comment>card_entry.card_not_saved_because</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="87"/>
        <source>The card is saved for future purchases.</source>
        <comment>card_entry.card_saved</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="73"/>
        <source>Another terminal is handling this payment right now. Finish it there, or try again in a minute.</source>
        <comment>card_entry.held_elsewhere</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="67"/>
        <source>This payment has no card the customer could confirm.</source>
        <comment>card_entry.no_card_on_intent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="59"/>
        <source>Card entry needs Stripe&apos;s publishable key (pk_…). Ask a manager to add it in the settings.</source>
        <comment>card_entry.no_publishable_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="63"/>
        <source>This payment is not waiting for the customer to authenticate. Open the customer again.</source>
        <comment>card_entry.not_awaiting_authentication</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="70"/>
        <source>This card entry is already finished. Start a new one.</source>
        <comment>card_entry.session_over</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="203"/>
        <source>Nothing was charged. The customer can try again or use another card.</source>
        <comment>card_form.next.authentication_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="218"/>
        <source>Nothing was charged. Ask the customer to check the card details.</source>
        <comment>card_form.next.fix_details</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="228"/>
        <source>Ask the customer to try again in a moment, or use another card.</source>
        <comment>card_form.next.retry</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="200"/>
        <source>The customer&apos;s bank did not confirm the payment.</source>
        <comment>card_form.reason.authentication_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="213"/>
        <source>The security code in the form is incomplete.</source>
        <comment>card_form.reason.cvc</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="210"/>
        <source>The expiry date in the form is incomplete or in the past.</source>
        <comment>card_form.reason.expiry</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="225"/>
        <source>The card could not be checked, so nothing was charged.</source>
        <comment>card_form.reason.failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="215"/>
        <source>The card details in the form are incomplete or incorrect.</source>
        <comment>card_form.reason.incomplete</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="207"/>
        <source>The card number in the form is incomplete or incorrect.</source>
        <comment>card_form.reason.number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="214"/>
        <source>The postal code in the form is incomplete.</source>
        <comment>card_form.reason.postal</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="222"/>
        <source>The card form could not reach Stripe, so nothing was charged.</source>
        <comment>card_form.reason.unreachable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="38"/>
        <source>This email address does not look right. Check it or leave it empty.</source>
        <comment>customer.bad_email</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="42"/>
        <source>This phone number does not look right. Use digits, spaces, + and -.</source>
        <comment>customer.bad_phone</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customers.py" line="78"/>
        <source>This card is not saved for this customer. Open the customer again.</source>
        <comment>customer.card_not_of_customer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="34"/>
        <source>The name contains a control character or a line break. Type it again on one line.</source>
        <comment>customer.name_control</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="30"/>
        <source>Enter the customer&apos;s name.</source>
        <comment>customer.name_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="31"/>
        <source>The name is too long (at most {limit} characters).</source>
        <comment>customer.name_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customers.py" line="77"/>
        <source>This customer is not known. Search again.</source>
        <comment>customer.unknown</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gateway/client.py" line="43"/>
        <source>This is not a Stripe secret or restricted key (sk_ or rk_).</source>
        <comment>gateway.key_shape</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gateway/errors.py" line="50"/>
        <source>Open the customer again to refresh the saved cards, then try again.</source>
        <comment>gateway.next.refresh</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gateway/errors.py" line="47"/>
        <source>Stripe does not know this card or customer any more.</source>
        <comment>gateway.reason.missing_object</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="33"/>
        <source>The key could not be checked because Stripe is busy. Nothing was saved. Try again in a minute.</source>
        <comment>key_check.busy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="38"/>
        <source>The key could not be checked: Stripe refused the request. Nothing was saved. Try again; if it keeps happening, the details are in the log.</source>
        <comment>key_check.failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="23"/>
        <source>Stripe accepted this key, but it may not read customers. Give the restricted key access to Customers in the Stripe Dashboard. Nothing was saved.</source>
        <comment>key_check.not_allowed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="18"/>
        <source>Stripe did not accept this key. Copy it again from the Stripe Dashboard, or create a new restricted key there. Nothing was saved.</source>
        <comment>key_check.rejected</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="28"/>
        <source>The key could not be checked because Stripe can&apos;t be reached. Nothing was saved. Check the internet connection and try again.</source>
        <comment>key_check.unreachable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="64"/>
        <source>PosDesk keeps Stripe keys only in the system keyring, and none is usable on this computer. Install and unlock a Secret Service keyring, for example GNOME Keyring (Debian/Ubuntu: sudo apt install gnome-keyring; Fedora: sudo dnf install gnome-keyring) or KDE Wallet, then log in again.</source>
        <comment>keyring.explain_linux</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="71"/>
        <source>PosDesk keeps Stripe keys only in the macOS Keychain, which could not be used. Open Keychain Access and make sure the login keychain exists and is unlocked.</source>
        <comment>keyring.explain_macos</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="76"/>
        <source>PosDesk keeps Stripe keys only in Windows Credential Manager, which could not be used. Make sure the Credential Manager service is running for your user account.</source>
        <comment>keyring.explain_windows</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="81"/>
        <source>The system keyring refused the request ({problem}). {explanation}</source>
        <comment>keyring.refused</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="163"/>
        <source>Ask the customer to pay in person so they can confirm it with their bank, or use another card.</source>
        <comment>outcome.next.authenticate</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="147"/>
        <source>Capture the payment when the order is ready.</source>
        <comment>outcome.next.capture</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="155"/>
        <source>Ask the customer to check the card details, or use another card.</source>
        <comment>outcome.next.check_details</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="178"/>
        <source>Do not charge again. The app is checking with Stripe and will show the result.</source>
        <comment>outcome.next.checking</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="189"/>
        <source>Ask the customer to contact their bank, or use another card.</source>
        <comment>outcome.next.contact_bank</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="172"/>
        <source>Ask a manager to check the Stripe key in the settings.</source>
        <comment>outcome.next.fix_settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="186"/>
        <source>Start a new payment if the customer still owes this amount.</source>
        <comment>outcome.next.new_payment</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="142"/>
        <source>Nothing more to do.</source>
        <comment>outcome.next.none</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="148"/>
        <source>Ask for another card or another payment method.</source>
        <comment>outcome.next.other_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="182"/>
        <source>Close this to refresh the saved cards, then choose another card or take a new card.</source>
        <comment>outcome.next.refresh_other_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="175"/>
        <source>Do not retry. Tell a manager; the details are in the log.</source>
        <comment>outcome.next.report</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="168"/>
        <source>Try again in a minute. If it keeps happening, check the internet connection.</source>
        <comment>outcome.next.retry_later</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="159"/>
        <source>Try the same card again in a moment. If it fails again, ask for another card.</source>
        <comment>outcome.next.retry_same</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="151"/>
        <source>Ask the customer for a card that is still valid, or another payment method.</source>
        <comment>outcome.next.update_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="143"/>
        <source>No need to charge again. The result will be updated when the bank answers.</source>
        <comment>outcome.next.wait</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="123"/>
        <source>The bank wants the customer to confirm this payment themselves.</source>
        <comment>outcome.reason.authentication_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="76"/>
        <source>Stripe rejected the request because of a problem in this app.</source>
        <comment>outcome.reason.bug</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="69"/>
        <source>Stripe is receiving too many requests right now.</source>
        <comment>outcome.reason.busy</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="95"/>
        <source>The payment was canceled, so nothing was charged.</source>
        <comment>outcome.reason.canceled</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="134"/>
        <source>The card was declined: the card does not support this kind of purchase.</source>
        <comment>outcome.reason.card_not_supported</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="100"/>
        <source>Stripe will not charge this card for this customer: it has been removed from their saved cards.</source>
        <comment>outcome.reason.card_not_usable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="70"/>
        <source>The Stripe key in the settings was not accepted.</source>
        <comment>outcome.reason.config_bad_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="73"/>
        <source>The Stripe key in the settings is not allowed to do this.</source>
        <comment>outcome.reason.config_permission</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="130"/>
        <source>The card was declined: the card does not support this currency.</source>
        <comment>outcome.reason.currency_not_supported</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="106"/>
        <source>The card was declined.</source>
        <comment>outcome.reason.declined_generic</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="110"/>
        <source>The card was declined: the card has expired.</source>
        <comment>outcome.reason.expired_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="113"/>
        <source>The card was declined: the security code is incorrect.</source>
        <comment>outcome.reason.incorrect_cvc</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="116"/>
        <source>The card was declined: the card number is incorrect.</source>
        <comment>outcome.reason.incorrect_number</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="107"/>
        <source>The card was declined: insufficient funds.</source>
        <comment>outcome.reason.insufficient_funds</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="127"/>
        <source>The card was declined: the card&apos;s limit has been reached.</source>
        <comment>outcome.reason.limit_exceeded</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="52"/>
        <source>The payment is being processed by the bank.</source>
        <comment>outcome.reason.processing</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="119"/>
        <source>The card could not be charged because of a processing error.</source>
        <comment>outcome.reason.processing_error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="62"/>
        <source>Stripe is receiving too many requests right now, so nothing was charged.</source>
        <comment>outcome.reason.rate_limited</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="55"/>
        <source>The amount is reserved on the card and waits to be captured.</source>
        <comment>outcome.reason.requires_capture</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="83"/>
        <source>Stripe had a problem answering, so it is not yet known whether the payment went through.</source>
        <comment>outcome.reason.server_error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="88"/>
        <source>Stripe had a problem with this payment and did not take it, so nothing was charged.</source>
        <comment>outcome.reason.server_error_not_charged</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="92"/>
        <source>The payment was not completed, so nothing was charged.</source>
        <comment>outcome.reason.still_open</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="51"/>
        <source>The payment was approved.</source>
        <comment>outcome.reason.succeeded</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="138"/>
        <source>The card was declined for now by the bank.</source>
        <comment>outcome.reason.try_again_later</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="59"/>
        <source>Stripe could not be reached, so nothing was charged.</source>
        <comment>outcome.reason.unavailable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="79"/>
        <source>The connection to Stripe was lost before the answer arrived.</source>
        <comment>outcome.reason.unconfirmed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="68"/>
        <source>Stripe could not be reached.</source>
        <comment>outcome.reason.unreachable</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="195"/>
        <source>{reason} {next_step}</source>
        <comment>outcome.reason_with_next_step</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="39"/>
        <source>This is not one of Stripe&apos;s saved cards. Open the customer again.</source>
        <comment>payment.bad_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="35"/>
        <source>This is not a Stripe customer. Open the customer again from the search.</source>
        <comment>payment.bad_customer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="46"/>
        <source>The description contains a control character that cannot be stored. Type it again.</source>
        <comment>payment.description_control</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="42"/>
        <source>The description is too long (at most {limit} characters).</source>
        <comment>payment.description_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="34"/>
        <source>Choose one of the customer&apos;s saved cards.</source>
        <comment>payment.no_card</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="33"/>
        <source>Choose a customer first.</source>
        <comment>payment.no_customer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="42"/>
        <source>This is not a Stripe publishable key. It starts with pk_test_ or pk_live_.</source>
        <comment>secret.bad_publishable_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="37"/>
        <source>This is not a Stripe secret or restricted key. It starts with sk_test_, sk_live_, rk_test_ or rk_live_ (a restricted key, rk_, is recommended).</source>
        <comment>secret.bad_secret_key</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="46"/>
        <source>This is not a webhook signing secret. It starts with whsec_.</source>
        <comment>secret.bad_webhook_secret</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="51"/>
        <source>The value contains a control character or a line break. Paste the key alone.</source>
        <comment>secret.control</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="50"/>
        <source>Nothing was entered. Paste the key or secret.</source>
        <comment>secret.empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="59"/>
        <source>Cannot tell test from live mode: the key does not start with sk_, rk_ or pk_.</source>
        <comment>secret.no_mode</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="55"/>
        <source>This is too long to be a Stripe key or signing secret (at most {limit} characters).</source>
        <comment>secret.too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="49"/>
        <source>Unknown secret name. Use one of: {names}.</source>
        <comment>secret.unknown_name</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="69"/>
        <source>Only a manager can approve this.</source>
        <comment>staff.approver_not_manager</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="65"/>
        <source>The store must keep at least one active manager: make someone else a manager first.</source>
        <comment>staff.last_manager</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="49"/>
        <source>Enter the person&apos;s name.</source>
        <comment>staff.name_required</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="53"/>
        <source>Someone on the staff already has this name. Add a surname or initial.</source>
        <comment>staff.name_taken</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="50"/>
        <source>A staff member&apos;s name has at most {limit} characters.</source>
        <comment>staff.name_too_long</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="60"/>
        <source>This account does not exist or is switched off.</source>
        <comment>staff.no_account</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="61"/>
        <source>This store already has staff: sign in, and a manager can add you.</source>
        <comment>staff.not_first_manager</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="52"/>
        <source>{name} ({role}) may not {action}</source>
        <comment>staff.permission_denied</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="42"/>
        <source>A PIN is {low} to {high} digits.</source>
        <comment>staff.pin_digits</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="45"/>
        <source>This PIN is too easy to guess (one digit repeated, or digits in a row). Choose another.</source>
        <comment>staff.pin_too_simple</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="70"/>
        <source>Another person must approve: ask a manager for their PIN.</source>
        <comment>staff.self_approval</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="57"/>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <comment>staff.wait</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="56"/>
        <source>Wrong PIN.</source>
        <comment>staff.wrong_pin</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/start_guard.py" line="33"/>
        <source>PosDesk is already running on this computer (process {pid}). Switch to its window, or close it before starting PosDesk again.</source>
        <comment>start.already_running</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/start_guard.py" line="38"/>
        <source>PosDesk on the computer {host} is running as this same terminal right now: its data folder was probably copied from this one. Close PosDesk there, or delete the file terminal-id in its data folder so that it becomes a terminal of its own.</source>
        <comment>start.same_terminal_elsewhere</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/start_guard.py" line="44"/>
        <source>This store ({database}) is in use by PosDesk on another computer ({host}). A SQLite store belongs to one computer: two computers writing one file over a network share can damage it. Close PosDesk on {host}, or let the terminals share a PostgreSQL store (Settings, Store).</source>
        <comment>start.sqlite_in_use_elsewhere</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="83"/>
        <source>Enter the store&apos;s URL, such as postgresql://posdesk@db-server/posdesk.</source>
        <comment>store.url_empty</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="91"/>
        <source>Leave the password out of the URL: settings are kept in a plain file. Put it in ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows) or the PGPASSWORD environment variable, where PostgreSQL finds it.</source>
        <comment>store.url_has_password</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="97"/>
        <source>Name the database at the end: postgresql://user@host/database.</source>
        <comment>store.url_no_database</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="87"/>
        <source>Not a PostgreSQL URL: write it as postgresql://user@host/database.</source>
        <comment>store.url_not_postgres</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/errors.py" line="11"/>
        <source>PosDesk is not connected to Stripe yet. Ask a manager to enter the keys in the settings.</source>
        <comment>stripe.not_configured</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/sync/engine.py" line="35"/>
        <source>Payments left open could not all be checked with Stripe yet; PosDesk tries again by itself.</source>
        <comment>sync.reconcile_failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/sync/relay.py" line="43"/>
        <source>Changes received from Stripe could not be saved yet; PosDesk tries again by itself.</source>
        <comment>sync.webhook_not_saved</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="34"/>
        <source>New customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="46"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="47"/>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="48"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="55"/>
        <source>Create customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="59"/>
        <source>Create the customer in Stripe (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="62"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="80"/>
        <source>Enter the customer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="84"/>
        <source>Creating the customer in Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="106"/>
        <source>You are not allowed to add customers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="105"/>
        <source>Stripe did not answer. Nothing was created; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="57"/>
        <source>%1 charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="59"/>
        <source>%1 not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="68"/>
        <source>Card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="82"/>
        <source>Sending to Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="83"/>
        <source>Checking with Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="84"/>
        <source>Waiting for the customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="85"/>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="86"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="143"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="87"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="144"/>
        <source>Authorized, not yet captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="88"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="136"/>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="89"/>
        <source>Needs customer to authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="92"/>
        <source>Failed, not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="93"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="134"/>
        <source>Canceled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="142"/>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="192"/>
        <source>This card needs the customer to approve each payment with their bank, which cannot happen while they are not here. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="197"/>
        <source>If the customer is here, they can confirm it now on this screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="145"/>
        <source>Customer must authenticate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="146"/>
        <source>Checking with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="147"/>
        <source>Stripe can&apos;t be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="159"/>
        <source>The connection to Stripe failed while sending this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="148"/>
        <source>Stripe is busy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="163"/>
        <source>Stripe did not answer about this payment yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="149"/>
        <source>Stripe set-up problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="140"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="292"/>
        <source>Not charged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="150"/>
        <source>Payment not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="229"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="240"/>
        <source>Card saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="231"/>
        <source>%1 is saved for future purchases. Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="234"/>
        <source>It now shows in the customer&apos;s saved cards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="243"/>
        <source>Nothing was charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="246"/>
        <source>Card not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="253"/>
        <source>%1 is saved for future purchases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="283"/>
        <source>Not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="286"/>
        <source>Ask a manager to take this payment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="295"/>
        <source>Nothing was sent to Stripe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="301"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="303"/>
        <source>PosDesk could not finish this payment because of an internal error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="306"/>
        <source>Check the customer&apos;s recent payments before charging again, and tell a manager.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="64"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="64"/>
        <source>Amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="64"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="64"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="108"/>
        <source>Refunded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="109"/>
        <source>Partly refunded (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="56"/>
        <source>Stripe code: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="87"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="92"/>
        <source>PosDesk talks to Stripe with your account&apos;s API key. Use a restricted key (it starts with rk_): create one in the Stripe Dashboard under Developers → API keys → Create restricted key, with write access to Customers, PaymentIntents, PaymentMethods and SetupIntents and read access to Events. A secret key (sk_) works too but can do anything on the account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="106"/>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="153"/>
        <source>Restricted or secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="111"/>
        <source>whsec_… (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="120"/>
        <source>Ask for the card&apos;s security code (CVC) before charging a saved card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="128"/>
        <source>Also receive webhooks (needs the webhook signing secret)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="133"/>
        <source>127.0.0.1 for this computer only; this computer&apos;s LAN address to accept webhooks forwarded by the store&apos;s network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="154"/>
        <source>Publishable key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="155"/>
        <source>Webhook signing secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="158"/>
        <source>Webhook address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="159"/>
        <source>Webhook port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="166"/>
        <source>Check and save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="171"/>
        <source>Cancel  (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="184"/>
        <source>Stripe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="185"/>
        <source>Terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="186"/>
        <source>Store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="242"/>
        <source>A key is already saved in the system keyring. Enter a new one to replace it, or leave the field empty to keep it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="246"/>
        <source>No key is saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="265"/>
        <source>LIVE mode: charges move real money.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="267"/>
        <source>Test mode: no real money moves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="269"/>
        <source>Tip: a restricted key (rk_) is safer than a secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="274"/>
        <source>The publishable key is from the other mode.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="298"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="303"/>
        <source>The webhook address must be an IP address of this computer, such as 127.0.0.1 or 192.168.1.20.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="313"/>
        <source>Wait until the store switch has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="325"/>
        <source>Enter the restricted or secret key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="331"/>
        <source>Checking the key with Stripe…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="354"/>
        <source>The key could not be checked. Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="363"/>
        <source>The key could not be checked: Stripe did not answer. Nothing was saved. Check the internet connection and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="404"/>
        <source>The settings file could not be written, so no setting changed and no key was saved. Check that the disk is not full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettleTimer</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/settle_timer.py" line="63"/>
        <source>Earlier payments checked with Stripe: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartRefused</name>
    <message>
        <location filename="../../src/posdesk/gui/app.py" line="103"/>
        <source>PosDesk is not starting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorePanel</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="84"/>
        <source>POSDESK_DATABASE_URL is set on this computer: it chooses the store while it is set, whatever is chosen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="89"/>
        <source>SQLite on this computer (one terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="91"/>
        <source>PostgreSQL, shared by several terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="99"/>
        <source>PostgreSQL URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="102"/>
        <source>No password in the URL: settings are a plain file. Put the password in ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf) or in the PGPASSWORD environment variable; PostgreSQL finds it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="115"/>
        <source>Test and switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="153"/>
        <source>In the demo, choose the store on the command line: posdesk --demo --store postgresql://…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="172"/>
        <source>This terminal uses: SQLite on this computer (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="174"/>
        <source>This terminal uses: PostgreSQL at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="192"/>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="203"/>
        <source>This terminal already uses this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="206"/>
        <source>SQLite on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="223"/>
        <source>This terminal&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="224"/>
        <source>Copy this terminal&apos;s data into the PostgreSQL store?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="226"/>
        <source>customers: %1 · payments: %2 · audit entries: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="232"/>
        <source>This computer&apos;s store holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="233"/>
        <source>Copy: they are added to the PostgreSQL store; what it already holds is kept as it is, and nothing is copied twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="235"/>
        <source>Start fresh: the PostgreSQL store is used as it is; this computer&apos;s data stays in its local file, untouched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="239"/>
        <source>Copy this terminal&apos;s data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="242"/>
        <source>Start fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="264"/>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="278"/>
        <source>Rows copied: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="281"/>
        <source>Rows not copied because the store holds a different row with the same payment or key: %1 (the log names them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="296"/>
        <source>The settings file could not be written, so the store was not changed. Check that the disk is not full or read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="301"/>
        <source>Restart PosDesk to use %1. Until then this window keeps using the store it started with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="313"/>
        <source>PostgreSQL did not accept the connection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="317"/>
        <source>The store could not be prepared (see the log). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="337"/>
        <source>Enter the store&apos;s URL, such as postgresql://posdesk@db-server/posdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="339"/>
        <source>This is not a PostgreSQL URL: write it as postgresql://user@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="341"/>
        <source>The URL holds a password: leave it out, and put it in ~/.pgpass or PGPASSWORD as described above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="344"/>
        <source>Name the database at the end: postgresql://user@host/database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="350"/>
        <source>Connecting to PostgreSQL…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="352"/>
        <source>Bringing the store&apos;s tables up to date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="355"/>
        <source>customers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="356"/>
        <source>saved cards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="357"/>
        <source>payments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="358"/>
        <source>refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="359"/>
        <source>audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="360"/>
        <source>terminals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="363"/>
        <source>Copying %1: %2 of %3…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="52"/>
        <source>up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="54"/>
        <source>%1 s behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="56"/>
        <source>%1 min behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="59"/>
        <source>%1 h behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="61"/>
        <source>%1 days behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="141"/>
        <source>Sync: by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="142"/>
        <source>Sync: by another terminal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="144"/>
        <source>Sync: catching up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="147"/>
        <source>Sync: webhooks + polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="149"/>
        <source>Sync: polling (webhook relay could not start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="150"/>
        <source>Sync: polling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="152"/>
        <source>Sync: starting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="153"/>
        <source>Sync: stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="158"/>
        <source>retrying automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="161"/>
        <source>retrying now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="163"/>
        <source>retrying in %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="164"/>
        <source>retrying in %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="169"/>
        <source>Sync: Stripe unreachable, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="171"/>
        <source>Sync: Stripe is busy, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="173"/>
        <source>Sync: the Stripe key was not accepted; check the settings (Ctrl+,)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="174"/>
        <source>Sync: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="183"/>
        <source>last event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="188"/>
        <source>caught up %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="200"/>
        <source>Another terminal of this shop keeps the store in step with Stripe; this one takes over if it stops.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="203"/>
        <source>Webhooks are received at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="205"/>
        <source>The webhook relay could not start (%1); polling only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="50"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="50"/>
        <source>Computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="50"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="50"/>
        <source>Last seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="51"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="59"/>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="61"/>
        <source>%n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="63"/>
        <source>%n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="76"/>
        <source>%1 (this terminal)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="84"/>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="84"/>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TerminalsPanel</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="49"/>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="78"/>
        <source>Terminal name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="51"/>
        <source>How this computer appears in the store&apos;s list of terminals, e.g. “Till 1” or “Back office”. Empty: the computer&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="58"/>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="63"/>
        <source>Terminals using this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="73"/>
        <source>Reading the terminals…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="121"/>
        <source>No terminal has registered in this store yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="124"/>
        <source>Live now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="125"/>
        <source>a terminal is offline once not seen for %1 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="133"/>
        <source>The list of terminals could not be read from the store.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
