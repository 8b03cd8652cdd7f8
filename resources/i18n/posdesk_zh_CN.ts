<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <source>Terminal</source>
        <translation type="obsolete">终端</translation>
    </message>
    <message>
        <source>Card</source>
        <translation type="obsolete">卡</translation>
    </message>
    <message>
        <source>Refund %1</source>
        <translation type="obsolete">退款 %1</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation type="obsolete">已退款</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="obsolete">已付款</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="76"/>
        <source>About PosDesk</source>
        <translation>关于 PosDesk</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="78"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="79"/>
        <source>&lt;h2&gt;PosDesk %1&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;PosDesk %1&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="81"/>
        <source>Point of sale and back office for shops that take payments with Stripe.</source>
        <translation>为使用 Stripe 收款的商店打造的收银与后台系统。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="87"/>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="88"/>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="89"/>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="90"/>
        <source>Stripe library</source>
        <translation>Stripe 库</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="97"/>
        <source>PosDesk uses Qt under the GNU LGPL version 3. The third-party licenses list every library this copy carries, and how to replace the Qt libraries.</source>
        <translation>PosDesk 依据 GNU LGPL 第 3 版使用 Qt。第三方许可证列出了此副本包含的所有库，以及如何替换 Qt 库。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="101"/>
        <source>Third-party licenses…</source>
        <translation>第三方许可证…</translation>
    </message>
</context>
<context>
    <name>AmountConfirmation</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_confirmation.py" line="34"/>
        <source>Confirm the amount</source>
        <translation>确认金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_confirmation.py" line="40"/>
        <source>Amount again</source>
        <translation>再次输入金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_confirmation.py" line="41"/>
        <source>Type the amount again</source>
        <translation>请再次输入金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_confirmation.py" line="51"/>
        <source>Amount again (%1)</source>
        <translation>再次输入金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_confirmation.py" line="74"/>
        <source>Type %1 again to confirm it.</source>
        <translation>请再次输入 %1 以确认。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_confirmation.py" line="111"/>
        <source>This is not the same amount: %1 was entered above. Check both and type it again.</source>
        <translation>金额不一致：上方输入的是 %1。请核对后重新输入。</translation>
    </message>
</context>
<context>
    <name>AmountEntry</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="35"/>
        <source>Amount in %1</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="36"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="42"/>
        <source>What is it for? (optional)</source>
        <translation>用途（选填）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="49"/>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/amount_entry.py" line="51"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ApprovalSection</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="49"/>
        <source>Manager approval</source>
        <translation>经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="54"/>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="79"/>
        <source>Manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="63"/>
        <source>Manager&apos;s PIN</source>
        <translation>经理 PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="64"/>
        <source>The manager types their PIN</source>
        <translation>请经理输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="70"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="74"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="80"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="107"/>
        <source>A manager chooses their name and types their PIN here.</source>
        <translation>请经理在此选择自己的姓名并输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="116"/>
        <source>The list of managers could not be read. Try again.</source>
        <translation>无法读取经理列表。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="126"/>
        <source>No other manager has an account: a manager must add one in Settings → Staff.</source>
        <translation>没有其他经理账户：需由经理在“设置 → 员工”中添加。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="137"/>
        <source>Type the manager&apos;s PIN.</source>
        <translation>请输入经理的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/approval_section.py" line="158"/>
        <source>The PIN could not be checked. Try again.</source>
        <translation>无法核对 PIN 码。请重试。</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="95"/>
        <source>Seq</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="95"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="95"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="95"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="96"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="96"/>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="96"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="96"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="159"/>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="168"/>
        <source>Verify again</source>
        <translation>重新校验</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="174"/>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="182"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="174"/>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="175"/>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="182"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="175"/>
        <source>All terminals</source>
        <translation>全部终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="176"/>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="183"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="176"/>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="177"/>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="183"/>
        <source>Outcome</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="177"/>
        <source>All outcomes</source>
        <translation>全部结果</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="178"/>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="184"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="179"/>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="184"/>
        <source>To</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="194"/>
        <source>Audit entries</source>
        <translation>审计条目</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="212"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="213"/>
        <source>Save the entries the filters select as a CSV file</source>
        <translation>将筛选出的条目保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="215"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="253"/>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="308"/>
        <source>Reading the audit trail…</source>
        <translation>正在读取审计记录…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="321"/>
        <source>Newest first; more load as you scroll.</source>
        <translation>最新的在前；向下滚动加载更多。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="323"/>
        <source>No entries match these filters.</source>
        <translation>没有符合这些筛选条件的条目。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="329"/>
        <source>Verifying the audit trail…</source>
        <translation>正在校验审计记录…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="343"/>
        <source>Verification failed</source>
        <translation>校验失败</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="347"/>
        <source>The audit trail could not be verified.</source>
        <translation>无法校验审计记录。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="360"/>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="361"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="369"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="379"/>
        <source>Audit entries exported: %n.</source>
        <translation>
            <numerusform>已导出 %n 条审计记录。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries exported.</source>
        <translation type="vanished">
            <numerusform>已导出 %n 条记录。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/audit/audit_viewer.py" line="383"/>
        <source>The export failed.</source>
        <translation>导出失败。请重试。</translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="64"/>
        <source>Capture or release</source>
        <translation>请款或撤销预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="86"/>
        <source>Authorized on the card: %1</source>
        <translation>卡上已预授权：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="88"/>
        <source>Reading how long is left…</source>
        <translation>正在读取剩余时间…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="92"/>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="230"/>
        <source>Capture</source>
        <translation>请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="94"/>
        <source>Release the hold (take nothing)</source>
        <translation>撤销预授权（不扣款）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="99"/>
        <source>Amount to capture</source>
        <translation>请款金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="110"/>
        <source>Why it is released</source>
        <translation>撤销原因</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="117"/>
        <source>Amount to capture (%1)</source>
        <translation>请款金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="122"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="129"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="147"/>
        <source>Check again</source>
        <translation>再次核实</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="149"/>
        <source>Done  (Enter)</source>
        <translation>完成  (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="174"/>
        <source>How long is left could not be read.</source>
        <translation>无法读取剩余时间。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="179"/>
        <source>This payment no longer waits for a capture.</source>
        <translation>这笔付款已不再等待请款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="183"/>
        <source>Stripe&apos;s date</source>
        <translation>Stripe 给出的时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="184"/>
        <source>the card network&apos;s usual window</source>
        <translation>按卡组织的常规期限估算</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="185"/>
        <source>%1 before the authorization lapses (%2).</source>
        <translation>距预授权失效还有 %1（%2）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="189"/>
        <source>Less than a day left: capture or release it now.</source>
        <translation>剩余不足一天：请立即请款或撤销预授权。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="214"/>
        <source>At most %1 can be captured.</source>
        <translation>最多可请款 %1。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="223"/>
        <source>The rest, %1, is released on the card.</source>
        <translation>其余 %1 将在卡上解除冻结。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="229"/>
        <source>Capture %1</source>
        <translation>请款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="232"/>
        <source>Release the hold</source>
        <translation>撤销预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="246"/>
        <source>Capturing %1… waiting for Stripe.</source>
        <translation>正在请款 %1… 等待 Stripe 响应。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="253"/>
        <source>Releasing the hold… waiting for Stripe.</source>
        <translation>正在撤销预授权… 等待 Stripe 响应。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="280"/>
        <source>Your role (%1) may not capture or release payments. Ask a manager.</source>
        <translation>您的角色（%1）无权请款或撤销预授权。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/capture_dialog.py" line="297"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be canceled now.</source>
        <translation>正在等待 Stripe 的响应，现在无法取消。</translation>
    </message>
</context>
<context>
    <name>CardEntryDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="175"/>
        <source>Customer authenticates the payment</source>
        <translation>客户验证付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="177"/>
        <source>Confirm the security code</source>
        <translation>确认安全码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="178"/>
        <source>New card</source>
        <translation>新卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="188"/>
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="197"/>
        <source>The customer types the card into Stripe&apos;s secure form on the next screen. PosDesk never sees the card number.</source>
        <translation>客户将在下一屏的 Stripe 安全表单中输入卡信息。PosDesk 不会看到卡号。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="223"/>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="351"/>
        <source>Take payment</source>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="227"/>
        <source>Save card only (no charge)</source>
        <translation>仅保存卡（不扣款）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="230"/>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="291"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="257"/>
        <source>What happens next</source>
        <translation>接下来的步骤</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="260"/>
        <source>Turn the screen to the customer: they type their card into Stripe&apos;s form.</source>
        <translation>将屏幕转向客户：由客户在 Stripe 表单中输入卡信息。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="262"/>
        <source>They tick &quot;Save this card for future purchases&quot; only if they agree to keep it on file.</source>
        <translation>仅在客户同意保存此卡时，才勾选“保存此卡，以便日后购物使用”。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="264"/>
        <source>If their bank asks, they confirm the payment right there (3D Secure).</source>
        <translation>如果发卡银行要求，客户当场确认付款（3D Secure）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="265"/>
        <source>PosDesk checks the result with Stripe and shows it here.</source>
        <translation>PosDesk 会向 Stripe 核实结果并在此显示。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="281"/>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="464"/>
        <source>Preparing secure card entry…</source>
        <translation>正在准备安全的卡信息录入页面…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="308"/>
        <source>Done  (Enter)</source>
        <translation>完成  (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="349"/>
        <source>Take payment of %1</source>
        <translation>收款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="507"/>
        <source>Your role (%1) may not take payments. Ask a manager.</source>
        <translation>您的角色（%1）无权收款。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="506"/>
        <source>Card entry could not start. Try again.</source>
        <translation>无法开始录入卡信息。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="348"/>
        <source>Authorize %1</source>
        <translation>预授权 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="513"/>
        <source>Card entry could not start</source>
        <translation>无法开始录入卡信息</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="514"/>
        <source>Nothing was charged.</source>
        <translation>未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="519"/>
        <source>Saving a card, nothing is charged</source>
        <translation>正在保存卡，不会扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="524"/>
        <source>Payment of %1 not confirmed by the customer&apos;s bank</source>
        <translation>%1 的付款未获客户银行确认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="527"/>
        <source>Payment of %1 waiting for the customer&apos;s bank</source>
        <translation>%1 的付款正在等待客户银行确认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="529"/>
        <source>Amount: %1</source>
        <translation>金额：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="556"/>
        <source>Sending the payment…</source>
        <translation>正在发送付款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="565"/>
        <source>Waiting for the card&apos;s bank… If the bank asks, the customer confirms on the screen.</source>
        <translation>正在等待发卡银行… 如银行要求，客户需在屏幕上确认。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="568"/>
        <source>Checking the result with Stripe…</source>
        <translation>正在向 Stripe 核实结果…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="574"/>
        <source>The bank still needs the customer to confirm. They can press the button again.</source>
        <translation>银行仍需客户确认。客户可以再次点击按钮。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="577"/>
        <source>Charging the card…</source>
        <translation>正在扣款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="584"/>
        <source>Ask the customer to press the button and confirm with their bank.</source>
        <translation>请客户点击按钮，并按银行要求完成确认。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="586"/>
        <source>Ask the customer to enter the card&apos;s security code.</source>
        <translation>请客户输入卡的安全码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="588"/>
        <source>Ask the customer to enter the card they want to save.</source>
        <translation>请客户输入要保存的卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="589"/>
        <source>Ask the customer to enter their card and press Pay.</source>
        <translation>请客户输入卡信息，然后点击“付款”按钮。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="597"/>
        <source>Stripe could not be reached. Try again.</source>
        <translation>无法连接 Stripe。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="606"/>
        <source>Secure card entry could not load. Check the internet connection, then close and try again.</source>
        <translation>安全的卡信息录入页面无法加载。请检查网络连接，然后关闭并重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="616"/>
        <source>The customer can press the button again to retry.</source>
        <translation>客户可以再次点击按钮重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="619"/>
        <source>The card form stays open for another try.</source>
        <translation>卡信息表单保持打开，可以再试一次。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="643"/>
        <source>The secure connection to the card form could not be verified, so it was not opened.</source>
        <translation>无法验证与卡信息表单的安全连接，因此未打开表单。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="662"/>
        <source>Stripe has not confirmed this payment.</source>
        <translation>Stripe 尚未确认这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="672"/>
        <source>The bank asks the customer to confirm.</source>
        <translation>银行要求客户确认。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="687"/>
        <source>PosDesk could not check the result with Stripe. Check the customer&apos;s recent payments before trying again.</source>
        <translation>PosDesk 无法向 Stripe 核实结果。重试前请先查看该客户的最近付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="731"/>
        <source>Checking the result with Stripe… one moment.</source>
        <translation>正在向 Stripe 核实结果… 请稍候。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="740"/>
        <source>The payment is being confirmed with the bank. Press Cancel again to stop it; nothing is charged if you do.</source>
        <translation>正在与银行确认这笔付款。再次点击“取消”可终止；终止后不会扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_entry_dialog.py" line="748"/>
        <source>Closing… checking with Stripe.</source>
        <translation>正在关闭… 正在向 Stripe 核实。</translation>
    </message>
</context>
<context>
    <name>CardPage</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="22"/>
        <source>Card payment</source>
        <translation>刷卡付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="23"/>
        <source>Pay</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="24"/>
        <source>Pay %1</source>
        <translation>付款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="25"/>
        <source>Save a card</source>
        <translation>保存银行卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="26"/>
        <source>Save card</source>
        <translation>保存卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="27"/>
        <source>Confirm the payment</source>
        <translation>确认付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="28"/>
        <source>Authenticate and pay</source>
        <translation>验证并付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="29"/>
        <source>Authenticate and pay %1</source>
        <translation>验证并付款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="30"/>
        <source>Confirm the security code</source>
        <translation>确认安全码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="31"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="32"/>
        <source>Save this card for future purchases</source>
        <translation>保存此卡，以便日后购物使用</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="33"/>
        <source>Security code for %1</source>
        <translation>%1 的安全码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="34"/>
        <source>Security code (CVC)</source>
        <translation>安全码（CVC）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="35"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="36"/>
        <source>Card saved</source>
        <translation>卡已保存</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="37"/>
        <source>Processing…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="38"/>
        <source>Security code received</source>
        <translation>已收到安全码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="39"/>
        <source>Something went wrong. Please try again or use another card.</source>
        <translation>出了点问题。请重试或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="40"/>
        <source>Your bank did not confirm the payment, so nothing was charged. You can try again or use another card.</source>
        <translation>您的银行未确认这笔付款，因此没有扣款。您可以重试或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="44"/>
        <source>The card was declined. Please use another card.</source>
        <translation>此卡被拒绝。请换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="45"/>
        <source>Please check the card details and try again.</source>
        <translation>请检查卡片信息后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="46"/>
        <source>The card could not be charged just now. Please try again.</source>
        <translation>暂时无法从此卡扣款。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="47"/>
        <source>The payment service could not be reached. Please try again.</source>
        <translation>无法连接支付服务。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="48"/>
        <source>The bank needs the customer to confirm. Please try again.</source>
        <translation>银行需要顾客确认。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="49"/>
        <source>The card form could not be loaded.</source>
        <translation>无法加载银行卡表单。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="50"/>
        <source>This payment could not be loaded.</source>
        <translation>无法加载这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="51"/>
        <source>The checkout is not configured with a publishable key.</source>
        <translation>付款页面未配置可发布密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/card_page_words.py" line="52"/>
        <source>Secure card entry could not be loaded. Check the connection.</source>
        <translation>无法加载安全的银行卡输入页面。请检查网络连接。</translation>
    </message>
</context>
<context>
    <name>CardTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="45"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="45"/>
        <source>Expires</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="45"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="45"/>
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="53"/>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="55"/>
        <source>Expires soon</source>
        <translation>即将过期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="77"/>
        <source>★ Default</source>
        <translation>★ 默认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="90"/>
        <source>This card expires at the end of the shown month.</source>
        <translation>此卡在所示月份的月底到期。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="92"/>
        <source>The customer&apos;s default card at Stripe.</source>
        <translation>客户在 Stripe 的默认卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/card_table_model.py" line="95"/>
        <source>Default card</source>
        <translation>默认卡</translation>
    </message>
</context>
<context>
    <name>ChargeDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="80"/>
        <source>Charge saved card</source>
        <translation>向已保存的卡扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="115"/>
        <source>%1   expires %2</source>
        <translation>%1   有效期至 %2</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="120"/>
        <source>Customer: %1</source>
        <translation>客户：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="157"/>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="249"/>
        <source>Charge</source>
        <translation>扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="160"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="191"/>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="419"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="193"/>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="196"/>
        <source>Customer is here: authenticate now</source>
        <translation>客户在场：立即验证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="200"/>
        <source>Send the customer a link to authenticate</source>
        <translation>给顾客发送验证链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="204"/>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="428"/>
        <source>Done  (Enter)</source>
        <translation>完成  (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="247"/>
        <source>Charge %1</source>
        <translation>扣款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="291"/>
        <source>Charging %1… waiting for Stripe.</source>
        <translation>正在扣款 %1… 等待 Stripe 响应。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="325"/>
        <source>Checking with Stripe now…</source>
        <translation>正在向 Stripe 核实…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="379"/>
        <source>Your role (%1) may not take payments. Nothing was charged.</source>
        <translation>您的角色（%1）无权收款。未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="396"/>
        <source>Next check in %1 s.</source>
        <translation>%1 秒后再次核实。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="471"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be canceled now.</source>
        <translation>正在等待 Stripe 响应，现在无法取消。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="419"/>
        <source>Check again now</source>
        <translation>立即重新核实</translation>
    </message>
    <message>
        <source>Authorize only: hold the amount now, capture or release it later</source>
        <translation type="vanished">仅预授权：现在冻结金额，稍后请款或撤销预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="246"/>
        <source>Authorize %1</source>
        <translation>预授权 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/charge_dialog.py" line="428"/>
        <source>Close  (Esc)</source>
        <translation>关闭  (Esc)</translation>
    </message>
</context>
<context>
    <name>CustomerListModel</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_list_model.py" line="39"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
</context>
<context>
    <name>CustomerPage</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="131"/>
        <source>Saved cards</source>
        <translation>已保存的卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="156"/>
        <source>Charge card…  (Enter)</source>
        <translation>扣款…  (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="157"/>
        <source>Charge the selected card while the customer is not present (%1)</source>
        <translation>客户不在场时向所选卡扣款（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="158"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="244"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="162"/>
        <source>The customer types a new card into Stripe&apos;s secure form: pay with it, and save it if they agree (%1)</source>
        <translation>客户在 Stripe 安全表单中输入新卡：用它付款，客户同意时保存此卡（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="172"/>
        <source>Make default</source>
        <translation>设为默认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="173"/>
        <source>Make the selected card the customer&apos;s default card (%1)</source>
        <translation>将所选卡设为客户的默认卡（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="177"/>
        <source>Remove card…</source>
        <translation>移除卡…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="161"/>
        <source>New card…</source>
        <translation>新卡…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="167"/>
        <source>Request payment…</source>
        <translation>请求付款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="168"/>
        <source>Send the customer a link (or QR code) to pay on Stripe&apos;s page, e.g. for a phone order or a deposit</source>
        <translation>给顾客发送链接（或二维码），在 Stripe 页面上付款，例如电话订单或定金</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="178"/>
        <source>Remove the selected card from this customer, after asking (%1)</source>
        <translation>从该客户移除所选卡，移除前会确认（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="189"/>
        <source>Recent payments</source>
        <translation>最近付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="202"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="210"/>
        <source>Capture or release…</source>
        <translation>请款或撤销预授权…</translation>
    </message>
    <message>
        <source>Charge selected card…</source>
        <translation type="vanished">向所选卡扣款…</translation>
    </message>
    <message>
        <source>Make selected card the default</source>
        <translation type="vanished">将所选卡设为默认</translation>
    </message>
    <message>
        <source>Remove selected card…</source>
        <translation type="vanished">移除所选卡…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="293"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="362"/>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="371"/>
        <source>Showing the last known cards: %1</source>
        <translation>显示的是上次已知的卡：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="375"/>
        <source>No saved cards for this customer.</source>
        <translation>该客户没有已保存的卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="378"/>
        <source>To refund a payment, right-click it, or select it and press %1.</source>
        <translation>如需退款，请右键点击付款，或选中付款后按 %1。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="380"/>
        <source>No payments taken in this shop yet.</source>
        <translation>本店尚无该客户的付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="401"/>
        <source>This customer could not be loaded.</source>
        <translation>无法加载该客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="397"/>
        <source>Try again, or search for the customer again.</source>
        <translation>请重试，或重新搜索该客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="244"/>
        <source>&amp;Charge selected card…</source>
        <translation>向所选卡扣款(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="247"/>
        <source>New c&amp;ard…</source>
        <translation>新卡(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="253"/>
        <source>&amp;Request payment…</source>
        <translation>请求付款(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="257"/>
        <source>Make selected card the &amp;default</source>
        <translation>将所选卡设为默认(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="260"/>
        <source>Re&amp;move selected card…</source>
        <translation>移除所选卡(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="433"/>
        <source>This card has expired. Choose another card.</source>
        <translation>此卡已过期。请选择其他卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="622"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="632"/>
        <source>Remove card</source>
        <translation>移除卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="624"/>
        <source>Remove %1 from %2?</source>
        <translation>要从 %2 移除 %1 吗？</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="629"/>
        <source>The card can no longer be charged from this shop. The customer has to give it again to use it.</source>
        <translation>移除后本店无法再向此卡扣款。客户需重新提供此卡才能使用。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="633"/>
        <source>Keep card</source>
        <translation>保留卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="655"/>
        <source>Removing the card…</source>
        <translation>正在移除卡…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="664"/>
        <source>Card removed.</source>
        <translation>卡已移除。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="674"/>
        <source>The card was not removed.</source>
        <translation>卡未移除。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="684"/>
        <source>You are not allowed to remove cards. Ask a manager.</source>
        <translation>您无权移除卡。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="688"/>
        <source>The card could not be removed: %1</source>
        <translation>无法移除卡：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="683"/>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="728"/>
        <source>Stripe did not answer. Try again.</source>
        <translation>Stripe 没有响应。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="710"/>
        <source>Making %1 the default card…</source>
        <translation>正在将 %1 设为默认卡…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="721"/>
        <source>%1 is now the default card.</source>
        <translation>%1 现在是默认卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="729"/>
        <source>You are not allowed to change the default card. Ask a manager.</source>
        <translation>您无权更改默认卡。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_page.py" line="735"/>
        <source>The default card could not be changed: %1</source>
        <translation>无法更改默认卡：%1</translation>
    </message>
</context>
<context>
    <name>CustomerRefresh</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="55"/>
        <source>Updating customers from Stripe…</source>
        <translation>正在从 Stripe 更新客户…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="78"/>
        <source>Updating customers from Stripe… %1 of %2</source>
        <translation>正在从 Stripe 更新客户… %1 / %2</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="82"/>
        <source>Updating customers from Stripe… %1</source>
        <translation>正在从 Stripe 更新客户… %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="89"/>
        <source>Customers updated from Stripe: %1.</source>
        <translation>已从 Stripe 更新客户：%1 位。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="98"/>
        <source>Could not update customers from Stripe.</source>
        <translation>无法从 Stripe 更新客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/customer_refresh.py" line="101"/>
        <source>Showing the saved customer list. %1 F5 tries again.</source>
        <translation>显示的是已保存的客户列表。%1 按 F5 重试。</translation>
    </message>
</context>
<context>
    <name>CustomerSearch</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="58"/>
        <source>Name, email, phone or id  (Ctrl+K)</source>
        <translation>姓名、邮箱、电话或 ID  (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="61"/>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="73"/>
        <source>Matching customers</source>
        <translation>匹配的客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="51"/>
        <source>New customer…</source>
        <translation>新建客户…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="82"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="162"/>
        <source>First %1 matches; type more to narrow down.</source>
        <translation>仅显示前 %1 个结果；输入更多内容以缩小范围。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="164"/>
        <source>Matches: %1.</source>
        <translation>匹配：%1 个。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="167"/>
        <source>Up/Down to move, Enter to open.</source>
        <translation>按上/下方向键移动，按 Enter 打开。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="169"/>
        <source>No customer matches “%1”.</source>
        <translation>没有与“%1”匹配的客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="171"/>
        <source>Type part of a name, email, phone number or id.</source>
        <translation>输入姓名、邮箱、电话号码或 ID 的一部分。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/customer_search.py" line="176"/>
        <source>Search failed. Try again in a moment.</source>
        <translation>搜索失败。请稍后重试。</translation>
    </message>
</context>
<context>
    <name>DayCloseDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="60"/>
        <source>Close of day</source>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="66"/>
        <source>This terminal (%1)</source>
        <translation>本终端（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="68"/>
        <source>The whole store</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="74"/>
        <source>Show X report</source>
        <translation>查看 X 报表</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="79"/>
        <source>Report for</source>
        <translation>报表范围</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="81"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="100"/>
        <source>Yes, close the day</source>
        <translation>是，执行日结</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="103"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="111"/>
        <source>Close day (Z)…</source>
        <translation>日结（Z 报表）…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="115"/>
        <source>Show its Z report</source>
        <translation>查看其 Z 报表</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="118"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="121"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="124"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="184"/>
        <source>Adding up the day…</source>
        <translation>正在汇总当日数据…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="210"/>
        <source>Z report no. %1 as it was made; it prints as a copy.</source>
        <translation>第 %1 号 Z 报表（按生成时的内容）；打印时标为副本。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="213"/>
        <source>Day closed: Z report no. %1.</source>
        <translation>已日结：第 %1 号 Z 报表。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="216"/>
        <source>This day is closed already (Z report no. %1).</source>
        <translation>这一天已经日结（第 %1 号 Z 报表）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="219"/>
        <source>X report: nothing is closed by it.</source>
        <translation>X 报表：不会结束当日营业。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="226"/>
        <source>The report could not be made. Try again.</source>
        <translation>无法生成报表。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="227"/>
        <source>Only a manager can see or close the day (you are %1).</source>
        <translation>只有经理可以查看日结或执行日结（您是%1）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="235"/>
        <source>Close the day %1 (%2)? The Z report is final: this day cannot be closed again.</source>
        <translation>确定为 %1（%2）执行日结吗？Z 报表是最终结果：这一天不能再次日结。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="245"/>
        <source>Closing the day…</source>
        <translation>正在日结…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="264"/>
        <source>The report could not be printed.</source>
        <translation>无法打印报表。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="266"/>
        <source>Report printed.</source>
        <translation>报表已打印。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="277"/>
        <source>Save report as PDF</source>
        <translation>将报表另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="277"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="287"/>
        <source>The PDF could not be saved.</source>
        <translation>无法保存 PDF。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_close_dialog.py" line="289"/>
        <source>%1 saved as %2.</source>
        <translation>%1 已保存为 %2。</translation>
    </message>
</context>
<context>
    <name>DayReport</name>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="75"/>
        <source>Z report no. %1 (COPY)</source>
        <translation>第 %1 号 Z 报表（副本）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="78"/>
        <source>Z report no. %1 (day closed)</source>
        <translation>第 %1 号 Z 报表（已日结）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="81"/>
        <source>X report (the day is not closed by it)</source>
        <translation>X 报表（不会结束当日营业）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="98"/>
        <source>Business day</source>
        <translation>营业日</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="99"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="100"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="101"/>
        <source>Made</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="102"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="107"/>
        <source>This day was closed: Z report no. %1 by %2 at %3.</source>
        <translation>这一天已日结：第 %1 号 Z 报表，由 %2 于 %3 执行。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="114"/>
        <source>Totals</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Sales (%1 payments)</source>
        <translation type="vanished">销售（%1 笔付款）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="125"/>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="173"/>
        <source>Refunds (%1)</source>
        <translation>退款（%1 笔）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="32"/>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="128"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>%1 payments in other currencies are not in these totals.</source>
        <translation type="vanished">其他币种的 %1 笔付款不计入这些合计。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="143"/>
        <source>Payments by state</source>
        <translation>按状态统计的付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="147"/>
        <source>No payments</source>
        <translation>没有付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="149"/>
        <source>Refunds by state</source>
        <translation>按状态统计的退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="153"/>
        <source>No refunds</source>
        <translation>没有退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="156"/>
        <source>By staff</source>
        <translation>按员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="157"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="31"/>
        <source>Sales</source>
        <translation>销售</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="31"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="119"/>
        <source>Sales (payments: %1)</source>
        <translation>销售（%1 笔付款）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="136"/>
        <source>Payments in other currencies, not in these totals: %1.</source>
        <translation>其他币种的付款不计入这些合计：%1 笔。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="159"/>
        <source>By terminal</source>
        <translation>按终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="160"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="163"/>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="169"/>
        <source>Charges (%1)</source>
        <translation>收款（%1 笔）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="176"/>
        <source>Stripe fees</source>
        <translation>Stripe 手续费</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="177"/>
        <source>Net to the balance</source>
        <translation>计入余额的净额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="178"/>
        <source>Not available yet</source>
        <translation>尚未可用</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="179"/>
        <source>Not paid out yet</source>
        <translation>尚未结算</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="183"/>
        <source>Matches Stripe&apos;s balance transactions.</source>
        <translation>与 Stripe 的余额交易一致。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="185"/>
        <source>Does not match Stripe yet: payments or refunds without a balance transaction, or whose amounts differ: %1.</source>
        <translation>尚未与 Stripe 一致：没有余额交易或金额不同的付款或退款共 %1 笔。</translation>
    </message>
    <message>
        <source>Does not match Stripe yet: %1 payments or refunds have no balance transaction, or the amounts differ.</source>
        <translation type="vanished">尚未与 Stripe 一致：%1 笔付款或退款没有余额交易，或金额不同。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="192"/>
        <source>Payouts</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="194"/>
        <source>Payout</source>
        <translation>结算</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="195"/>
        <source>Arrives</source>
        <translation>到账</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="196"/>
        <source>Of this day</source>
        <translation>属于当日</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/day_close/day_report_document.py" line="197"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/dialog_parts.py" line="32"/>
        <source>Authorize only: hold the amount now, capture or release it later</source>
        <translation>仅预授权：现在冻结金额，稍后请款或撤销预授权</translation>
    </message>
</context>
<context>
    <name>DisplayPage</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/display_page.py" line="27"/>
        <source>The computer&apos;s language (%1)</source>
        <translation>电脑的语言（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/display_page.py" line="35"/>
        <source>PosDesk speaks the new language from its next start.</source>
        <translation>PosDesk 将在下次启动时使用新语言。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/display_page.py" line="40"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
</context>
<context>
    <name>ErrorWords</name>
    <message>
        <location filename="../../src/posdesk/gui/common/error_words.py" line="52"/>
        <source>Your role (%1) may not do this. Ask a manager.</source>
        <translation>您的角色（%1）无权执行此操作。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/common/error_words.py" line="81"/>
        <source>Something went wrong. Try again.</source>
        <translation>出错了。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/common/error_words.py" line="92"/>
        <source>PosDesk</source>
        <translation>PosDesk</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="46"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="83"/>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="48"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="48"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="49"/>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="50"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="51"/>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="51"/>
        <source>Custom…</source>
        <translation>自定义…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="56"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="83"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="57"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="84"/>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="59"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="84"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="59"/>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="60"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="85"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="60"/>
        <source>All staff</source>
        <translation>所有员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="61"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="85"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="61"/>
        <source>All terminals</source>
        <translation>所有终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="63"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="88"/>
        <source>Order</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="65"/>
        <source>Newest first</source>
        <translation>最新的在前</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="66"/>
        <source>Oldest first</source>
        <translation>最早的在前</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="67"/>
        <source>Largest first</source>
        <translation>金额大的在前</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="68"/>
        <source>Smallest first</source>
        <translation>金额小的在前</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="72"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="86"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="72"/>
        <source>Name, email or cus_…</source>
        <translation>姓名、邮箱或 cus_…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="73"/>
        <source>Amount from</source>
        <translation>金额从</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="73"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="74"/>
        <source>Amount to</source>
        <translation>金额到</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="74"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="87"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="75"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="87"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="75"/>
        <source>last 4 digits</source>
        <translation>末 4 位</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="77"/>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="88"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="78"/>
        <source>Description or customer</source>
        <translation>说明或顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="86"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/filter_bar.py" line="197"/>
        <source>Not an amount: this bound is left out.</source>
        <translation>不是有效金额：此范围条件未使用。</translation>
    </message>
</context>
<context>
    <name>FirstManagerPage</name>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="40"/>
        <source>Welcome to PosDesk</source>
        <translation>欢迎使用 PosDesk</translation>
    </message>
    <message>
        <source>This store has no staff yet. The first person becomes its manager: enter your name and choose a PIN of %1 to %2 digits. Managers add everyone else in the settings.</source>
        <translation type="vanished">本店还没有员工。第一位使用者将成为经理：请输入姓名，并设置 %1 到 %2 位数字的 PIN 码。其他员工由经理在设置中添加。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="43"/>
        <source>This store has no staff yet. The first person becomes its manager: enter your name and choose a PIN of %1 to %2 digits. A manager adds everyone else.</source>
        <translation>本店还没有员工。第一位使用者将成为经理：请输入姓名，并设置 %1 到 %2 位数字的 PIN 码。其他员工由经理添加。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="53"/>
        <source>Your name, as colleagues know you</source>
        <translation>同事平时对您的称呼</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="64"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="65"/>
        <source>&amp;PIN</source>
        <translation>PIN 码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="66"/>
        <source>&amp;Repeat the PIN</source>
        <translation>再次输入 PIN 码(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="71"/>
        <source>Create the manager and sign in</source>
        <translation>创建经理账户并登录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="100"/>
        <source>Enter your name.</source>
        <translation>请输入您的姓名。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="104"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致。请重新输入相同的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="108"/>
        <source>Creating the manager…</source>
        <translation>正在创建经理账户…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/first_manager_page.py" line="134"/>
        <source>The manager could not be created: the store did not answer. Try again.</source>
        <translation>无法创建经理账户：数据库没有响应。请重试。</translation>
    </message>
</context>
<context>
    <name>HistoryChart</name>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="50"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="66"/>
        <source>Adding up…</source>
        <translation>正在汇总…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="97"/>
        <source>No payments in this period.</source>
        <translation>这段时间内没有付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="102"/>
        <source>Per month</source>
        <translation>按月</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="102"/>
        <source>Per day</source>
        <translation>按天</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="104"/>
        <source>Received (%1)</source>
        <translation>实收（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_chart.py" line="107"/>
        <source>Declined (%)</source>
        <translation>拒绝率（%）</translation>
    </message>
</context>
<context>
    <name>HistoryPage</name>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="73"/>
        <source>Payment history</source>
        <translation>付款记录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="92"/>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="142"/>
        <source>Payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="119"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="121"/>
        <source>Save the payments the filters select as a CSV file</source>
        <translation>将筛选出的付款保存为 CSV 文件</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="123"/>
        <source>Reload</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="126"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="145"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="177"/>
        <source>You see this terminal&apos;s payments of today.</source>
        <translation>您看到的是本终端今天的付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="199"/>
        <source>Reading payments…</source>
        <translation>正在读取付款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="230"/>
        <source>More load as you scroll.</source>
        <translation>滚动时会加载更多。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="232"/>
        <source>No payments match these filters.</source>
        <translation>没有符合这些筛选条件的付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="239"/>
        <source>Adding up…</source>
        <translation>正在汇总…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="279"/>
        <source>No payments.</source>
        <translation>没有付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="284"/>
        <source>%1 · payments: %2 · gross %3 · refunded %4 · net %5</source>
        <translation>%1 · 付款 %2 笔 · 总额 %3 · 已退款 %4 · 净额 %5</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/history/history_page.py" line="424"/>
        <source>Payments exported: %n.</source>
        <translation>
            <numerusform>已导出 %n 笔付款。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 payments · gross %3 · refunded %4 · net %5</source>
        <translation type="vanished">%1：%2 笔付款 · 总额 %3 · 已退款 %4 · 净额 %5</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="290"/>
        <source> · declined %1%</source>
        <translation> · 拒绝率 %1%</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="360"/>
        <source>Export payments</source>
        <translation>导出付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="361"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="372"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="373"/>
        <source>Exporting payments…</source>
        <translation>正在导出付款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="373"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="374"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="398"/>
        <source>Canceling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="407"/>
        <source>%1 of %2 payments exported…</source>
        <translation>已导出 %1 / %2 笔付款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="422"/>
        <source>Export canceled; no file was kept.</source>
        <translation>导出已取消；未保留文件。</translation>
    </message>
    <message numerus="yes">
        <source>%n payments exported.</source>
        <translation type="vanished">
            <numerusform>已导出 %n 笔付款。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_page.py" line="429"/>
        <source>The export failed.</source>
        <translation>导出失败。</translation>
    </message>
</context>
<context>
    <name>HistoryTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="54"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="54"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="54"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="54"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="55"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="55"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="55"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="55"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="103"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/history_table_model.py" line="104"/>
        <source>Partly refunded (%1)</source>
        <translation>部分退款（%1）</translation>
    </message>
</context>
<context>
    <name>KeyringMissingDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="14"/>
        <source>System keyring needed</source>
        <translation>需要系统密钥环</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="18"/>
        <source>PosDesk cannot store the Stripe key safely</source>
        <translation>PosDesk 无法安全地保存 Stripe 密钥</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="25"/>
        <source>Keys are never written to a file instead. Until a keyring works, PosDesk can only run the demo (posdesk --demo).</source>
        <translation>密钥绝不会改为写入文件。在密钥环可用之前，PosDesk 只能运行演示（posdesk --demo）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/keyring_missing_dialog.py" line="36"/>
        <source>Close  (Esc)</source>
        <translation>关闭  (Esc)</translation>
    </message>
</context>
<context>
    <name>LicensesView</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="125"/>
        <source>Third-party licenses</source>
        <translation>第三方许可证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="130"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/about_dialog.py" line="140"/>
        <source>This copy of PosDesk runs from a development install, not an installed bundle: the license file is written when a bundle is built (packaging/build-linux.sh, the Windows and macOS installer builds). The libraries in use are those of this Python environment, each with the license in its own package metadata.</source>
        <translation>此 PosDesk 副本运行于开发环境，而不是已安装的软件包：许可证文件在构建软件包时生成（packaging/build-linux.sh，以及 Windows 和 macOS 安装程序的构建）。当前使用的库来自此 Python 环境，每个库的许可证都在其自身的包元数据中。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="77"/>
        <source>PosDesk</source>
        <translation>PosDesk</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="85"/>
        <source>Find a customer on the left (Ctrl+K), then press Enter.</source>
        <translation>在左侧查找客户（Ctrl+K），然后按 Enter。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="178"/>
        <source>&amp;PosDesk</source>
        <translation>&amp;PosDesk</translation>
    </message>
    <message>
        <source>Update customers from Stripe</source>
        <translation type="vanished">从 Stripe 更新客户</translation>
    </message>
    <message>
        <source>Read every customer from Stripe again</source>
        <translation type="vanished">重新从 Stripe 读取全部客户</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="vanished">退出</translation>
    </message>
    <message>
        <source>Audit trail…</source>
        <translation type="vanished">审计记录…</translation>
    </message>
    <message>
        <source>Payment history…</source>
        <translation type="vanished">付款记录…</translation>
    </message>
    <message>
        <source>Close of day…</source>
        <translation type="vanished">日结…</translation>
    </message>
    <message>
        <source>Request a payment (walk-in)…</source>
        <translation type="vanished">请求付款（散客）…</translation>
    </message>
    <message>
        <source>Open payment requests…</source>
        <translation type="vanished">未完成的付款请求…</translation>
    </message>
    <message>
        <source>Payment links…</source>
        <translation type="vanished">付款链接…</translation>
    </message>
    <message>
        <source>Emailed receipts (demo)…</source>
        <translation type="vanished">已发送的电子邮件收据（演示）…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="238"/>
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>New customer…</source>
        <translation type="vanished">新建客户…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="261"/>
        <source>Create a customer in Stripe (%1)</source>
        <translation>在 Stripe 中创建客户（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="267"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>About PosDesk…</source>
        <translation type="vanished">关于 PosDesk…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="179"/>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="182"/>
        <source>&amp;Update customers from Stripe</source>
        <translation>从 Stripe 更新客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="186"/>
        <source>R&amp;ead every customer from Stripe again</source>
        <translation>重新从 Stripe 读取全部客户(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="189"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="200"/>
        <source>&amp;Audit trail…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="206"/>
        <source>Payment &amp;history…</source>
        <translation>付款记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="212"/>
        <source>&amp;Open authorizations…</source>
        <translation>未完成的预授权(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="217"/>
        <source>&amp;Close of day…</source>
        <translation>日结(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="222"/>
        <source>&amp;Request a payment (walk-in)…</source>
        <translation>请求付款（散客）(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="224"/>
        <source>Open &amp;payment requests…</source>
        <translation>未完成的付款请求(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="226"/>
        <source>Payment &amp;links…</source>
        <translation>付款链接(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="234"/>
        <source>E&amp;mailed receipts (demo)…</source>
        <translation>已发送的电子邮件收据（演示）(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="240"/>
        <source>&amp;Find customer</source>
        <translation>查找客户(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="249"/>
        <source>&amp;New customer…</source>
        <translation>新建客户(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="268"/>
        <source>&amp;About PosDesk…</source>
        <translation>关于 PosDesk(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="303"/>
        <source>TEST MODE — no real money moves</source>
        <translation>测试模式 — 不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="304"/>
        <source>DEMO — sample data on a built-in sandbox, no real money</source>
        <translation>演示 — 内置沙盒中的示例数据，不涉及真实资金</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="305"/>
        <source>NOT SET UP — add a Stripe key in the settings (Ctrl+,)</source>
        <translation>尚未设置 — 请在设置中添加 Stripe 密钥（Ctrl+,）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="313"/>
        <source>Stripe: not configured</source>
        <translation>Stripe：未配置</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="317"/>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="464"/>
        <source>Stripe: connecting…</source>
        <translation>Stripe：正在连接…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="321"/>
        <source>test mode</source>
        <translation>测试模式</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="322"/>
        <source>live mode</source>
        <translation>正式模式</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="323"/>
        <source>demo sandbox</source>
        <translation>演示沙盒</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="330"/>
        <source>Stripe: connected (%1)</source>
        <translation>Stripe：已连接（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="332"/>
        <source>Stripe: key not accepted</source>
        <translation>Stripe：密钥未被接受</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation type="vanished">设置…</translation>
    </message>
    <message>
        <source>Open authorizations…</source>
        <translation type="vanished">未完成的预授权…</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation type="vanished">查找客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/main_window.py" line="334"/>
        <source>Stripe: unreachable</source>
        <translation>Stripe：无法连接</translation>
    </message>
</context>
<context>
    <name>Message</name>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="88"/>
        <source>{currency} amounts have at most {places} decimal places.</source>
        <comment>amount.at_most_decimals</comment>
        <translation>{currency} 金额最多有 {places} 位小数。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="85"/>
        <source>{currency} amounts have at most one decimal place.</source>
        <comment>amount.at_most_one_decimal</comment>
        <translation>{currency} 金额最多有一位小数。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="100"/>
        <source>The maximum charge in {currency} is {amount}.</source>
        <comment>amount.maximum_charge</comment>
        <translation>{currency} 的最高扣款金额为 {amount}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="99"/>
        <source>The minimum charge in {currency} is {amount}.</source>
        <comment>amount.minimum_charge</comment>
        <translation>{currency} 的最低扣款金额为 {amount}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="74"/>
        <source>Enter an amount to charge.</source>
        <comment>amount.missing</comment>
        <translation>请输入扣款金额。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="92"/>
        <source>The amount cannot be negative. Use a refund to give money back.</source>
        <comment>amount.negative</comment>
        <translation>金额不能为负数。如需把钱退给客户，请使用退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="78"/>
        <source>“{typed}” is not an amount. Type a number such as {example}.</source>
        <comment>amount.not_a_number</comment>
        <translation>“{typed}”不是金额。请输入数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="51"/>
        <source>{currency} amounts must end in 0 in the third decimal place.</source>
        <comment>amount.third_decimal</comment>
        <translation>{currency} 金额的第三位小数必须为 0。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="95"/>
        <source>{currency} amounts must end in 0 in the third decimal place, for example {example}.</source>
        <comment>amount.third_decimal_zero</comment>
        <translation>{currency} 金额的第三位小数必须为 0，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="75"/>
        <source>This is too long for an amount. Type a number such as {example}.</source>
        <comment>amount.too_long</comment>
        <translation>金额过长。请输入数字，例如 {example}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="71"/>
        <source>“{code}” is not a currency code (such as USD, EUR or GBP).</source>
        <comment>amount.unknown_currency</comment>
        <translation>“{code}”不是货币代码（例如 USD、EUR 或 GBP）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="81"/>
        <source>{currency} amounts are whole numbers, without decimals.</source>
        <comment>amount.whole_numbers</comment>
        <translation>{currency} 金额为整数，不带小数。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/money.py" line="91"/>
        <source>The amount must be more than zero.</source>
        <comment>amount.zero</comment>
        <translation>金额必须大于零。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="7"/>
        <source>A charge over {limit} needs a manager&apos;s approval. Nothing was charged.</source>
        <comment>approval.charge_over_limit</comment>
        <translation>超过 {limit} 的扣款需经理批准。未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="38"/>
        <source>A charge over {limit} needs its amount typed again to confirm it. Nothing was charged.</source>
        <comment>approval.confirm_amount</comment>
        <translation>超过 {limit} 的扣款须再次输入金额确认。未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="44"/>
        <source>Charges over {limit} are checked by typing the amount a second time.</source>
        <comment>approval.confirm_amount_ask</comment>
        <translation>超过 {limit} 的扣款须再次输入金额核对。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="15"/>
        <source>The shop has no refund limit set, so a refund needs a manager&apos;s approval. Nothing was refunded.</source>
        <comment>approval.refund_no_limit</comment>
        <translation>本店未设置退款限额，因此退款需经理批准。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="11"/>
        <source>A refund over {limit} needs a manager&apos;s approval. Nothing was refunded.</source>
        <comment>approval.refund_over_limit</comment>
        <translation>超过 {limit} 的退款需经理批准。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/approval.py" line="20"/>
        <source>Removing a saved card needs a manager&apos;s approval. The card was not removed.</source>
        <comment>approval.remove_card</comment>
        <translation>移除已保存的卡需经理批准。卡未移除。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="128"/>
        <source>This store has no audit key yet: a terminal makes it with its first audited action once its keyring works.</source>
        <comment>audit.key.none_yet</comment>
        <translation>此数据库还没有审计密钥：终端的密钥环可用后，会在第一次执行需审计的操作时创建。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="138"/>
        <source>This is not an exported audit key. It is one line starting with posdesk-audit-key-v1.</source>
        <comment>audit.key.not_a_key</comment>
        <translation>这不是导出的审计密钥。审计密钥是一行文本，以 posdesk-audit-key-v1 开头。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="133"/>
        <source>This terminal does not hold the store&apos;s audit key ({key_id}). Export it on a terminal that does (posdesk audit key export) and import it here (posdesk audit key import).</source>
        <comment>audit.key.not_here</comment>
        <translation>本终端没有此数据库的审计密钥（{key_id}）。请在持有该密钥的终端上导出（posdesk audit key export），再在此处导入（posdesk audit key import）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="142"/>
        <source>This audit key ({key_id}) is not the one this store&apos;s entries are authenticated with ({store_key_id}). It was kept anyway, for the store it belongs to.</source>
        <comment>audit.key.other_store</comment>
        <translation>此审计密钥（{key_id}）不是此数据库的条目所用的认证密钥（{store_key_id}）。它仍已保存，供其所属的数据库使用。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="266"/>
        <source>This terminal does not hold the store&apos;s audit key ({key_id}): order and hashes were checked, MACs were not, so an edit that recomputes the hashes would go unnoticed here. Import the key (posdesk audit key import).</source>
        <comment>audit.note.no_key_here</comment>
        <translation>本终端没有此数据库的审计密钥（{key_id}）：已检查顺序和哈希，但未检查 MAC，因此如果有人修改条目并重新计算哈希，在此处不会被发现。请导入密钥（posdesk audit key import）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="272"/>
        <source>No entry is authenticated: the store has no audit key yet (no terminal with a usable keyring has written to it), so anyone with the database could rewrite it unnoticed.</source>
        <comment>audit.note.no_key_yet</comment>
        <translation>没有任何条目经过认证：此数据库还没有审计密钥（尚无密钥环可用的终端写入过），因此任何能访问数据库的人都可以改写记录而不被发现。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="288"/>
        <source>This terminal remembers no head of this store yet: entries cut off the end before today would not be noticed here.</source>
        <comment>audit.note.no_memory</comment>
        <translation>本终端尚未记录此数据库的最新条目：今天之前从末尾被截掉的条目在此处不会被发现。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="277"/>
        <source>{count} entries (the first at seq {seq}; terminals: {terminals}) carry no MAC: they were written on terminals without the audit key, and an inserted entry would look the same. Import the key on those terminals.</source>
        <comment>audit.note.unauthenticated</comment>
        <translation>{count} 个条目（第一个的序号为 {seq}；终端：{terminals}）没有 MAC：它们由没有审计密钥的终端写入，被插入的条目看起来也会一样。请在这些终端上导入密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="283"/>
        <source>Entries seq 1 to {last} were written before the store had an audit key; the MACs of the entries after them cover them since.</source>
        <comment>audit.note.unkeyed</comment>
        <translation>序号 1 至 {last} 的条目写于此数据库拥有审计密钥之前；此后条目的 MAC 已将它们涵盖在内。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="241"/>
        <source>entry seq {seq} (id {id}) has a bad MAC: it was not written by a terminal holding the store&apos;s audit key (forged, or rewritten with its hash recomputed).</source>
        <comment>audit.problem.bad_mac</comment>
        <translation>序号 {seq} 的条目（ID {id}）MAC 无效：它不是由持有此数据库审计密钥的终端写入的（系伪造，或被改写后重新计算了哈希）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="221"/>
        <source>entries are missing from seq {seq} (deleted): the chain goes on at seq {other}.</source>
        <comment>audit.problem.deleted</comment>
        <translation>从序号 {seq} 起缺少条目（已被删除）：链在序号 {other} 处继续。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="225"/>
        <source>the entry before seq {seq} (id {id}) was deleted and the later entries renumbered.</source>
        <comment>audit.problem.deleted_renumbered</comment>
        <translation>序号 {seq} 之前的条目（ID {id}）已被删除，其后的条目被重新编号。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="212"/>
        <source>entry seq {seq} (id {id}) was edited: its contents no longer match its hash.</source>
        <comment>audit.problem.edited</comment>
        <translation>序号 {seq} 的条目（ID {id}）已被修改：其内容与哈希不再相符。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="216"/>
        <source>entry seq {seq} was edited and its hash recomputed: the entry after it was written after a different one.</source>
        <comment>audit.problem.edited_before</comment>
        <translation>序号 {seq} 的条目已被修改并重新计算了哈希：其后的条目是接在另一个条目之后写入的。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="229"/>
        <source>entry seq {seq} was inserted: it was not written in the chain&apos;s order.</source>
        <comment>audit.problem.inserted</comment>
        <translation>序号 {seq} 的条目是被插入的：它不是按链的顺序写入的。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="233"/>
        <source>entry id {id} was inserted behind the audit log&apos;s back: it is outside the chain.</source>
        <comment>audit.problem.inserted_outside</comment>
        <translation>ID 为 {id} 的条目是绕过审计日志插入的：它不在链中。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="246"/>
        <source>entry seq {seq} names another audit key than the store&apos;s: the chain was rewritten from there.</source>
        <comment>audit.problem.key_changed</comment>
        <translation>序号 {seq} 的条目使用的审计密钥与此数据库的不同：链从此处起被改写。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="261"/>
        <source>this terminal&apos;s record of the last entry it saw (seq {seq}) was altered.</source>
        <comment>audit.problem.memory_altered</comment>
        <translation>本终端所记录的最后一个条目（序号 {seq}）已被篡改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="237"/>
        <source>entry seq {seq} is out of order: it was written after the entry now at seq {other}.</source>
        <comment>audit.problem.reordered</comment>
        <translation>序号 {seq} 的条目顺序错乱：它写于当前序号为 {other} 的条目之后。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="256"/>
        <source>entry seq {seq} is not the one this terminal wrote or verified: the chain was rewritten up to it.</source>
        <comment>audit.problem.rewritten</comment>
        <translation>序号 {seq} 的条目不是本终端写入或校验过的那一条：链截至此处已被改写。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="251"/>
        <source>truncated: the chain ends at seq {last}, but this terminal wrote or verified seq {remembered}; entries from seq {seq} on are gone.</source>
        <comment>audit.problem.truncated</comment>
        <translation>已截断：链止于序号 {last}，但本终端曾写入或校验过序号 {remembered}；从序号 {seq} 起的条目已丢失。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="204"/>
        <source>Audit trail intact: no entries yet.</source>
        <comment>audit.verify.empty</comment>
        <translation>审计记录完好：尚无条目。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="205"/>
        <source>Audit trail checked, nothing wrong found, but not all of it could be: {count} entries, seq 1 to {last}.</source>
        <comment>audit.verify.incomplete</comment>
        <translation>审计记录已检查，未发现问题，但未能全部检查：共 {count} 个条目，序号 1 至 {last}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="199"/>
        <source>Audit trail intact: {count} entries, seq 1 to {last}, hashes and MACs checked in {seconds} s.</source>
        <comment>audit.verify.intact</comment>
        <translation>审计记录完好：共 {count} 个条目，序号 1 至 {last}，哈希和 MAC 已检查，用时 {seconds} 秒。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/audit_trail.py" line="210"/>
        <source>Audit trail NOT intact: {problem}</source>
        <comment>audit.verify.tampered</comment>
        <translation>审计记录已被篡改：{problem}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="86"/>
        <source>Another terminal is working on this payment right now. Try again in a moment.</source>
        <comment>capture.busy</comment>
        <translation>另一台终端正在处理这笔付款。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="109"/>
        <source>Stripe&apos;s answer did not arrive. Check again: the same request is sent, so nothing is taken twice.</source>
        <comment>capture.not_confirmed</comment>
        <translation>未收到 Stripe 的答复。请再次核实：系统会发送同一个请求，不会重复收款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="101"/>
        <source>Stripe refused: this authorization was already captured. Nothing more was taken.</source>
        <comment>capture.already_captured</comment>
        <translation>Stripe 拒绝：这笔预授权已请款。未再扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="96"/>
        <source>Stripe refused: this authorization was already released (the payment is canceled). Nothing was captured.</source>
        <comment>capture.already_released</comment>
        <translation>Stripe 拒绝：这笔预授权已撤销（付款已取消）。未请款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="77"/>
        <source>At most {authorized} can be captured: that is what the card authorized. Nothing was captured.</source>
        <comment>capture.amount_too_large</comment>
        <translation>最多可请款 {authorized}：这是卡上预授权的金额。未请款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="90"/>
        <source>Choose why the authorization is released.</source>
        <comment>capture.bad_reason</comment>
        <translation>请选择撤销预授权的原因。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="91"/>
        <source>Stripe refused: the authorization has lapsed, so the card&apos;s bank released the hold and Stripe canceled the payment. Nothing was captured; take a new payment instead.</source>
        <comment>capture.lapsed</comment>
        <translation>Stripe 拒绝：预授权已失效，发卡银行已解除冻结，Stripe 已取消这笔付款。未请款；请重新收款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="82"/>
        <source>This payment is not an open authorization, so there is nothing to capture or release.</source>
        <comment>capture.not_open</comment>
        <translation>这笔付款不是未完成的预授权，无可请款或撤销。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/captures.py" line="105"/>
        <source>Stripe refused the request ({code}). Nothing changed on the card.</source>
        <comment>capture.stripe_refused</comment>
        <translation>Stripe 拒绝了请求（{code}）。卡上没有任何变化。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="91"/>
        <source>The card was not saved.</source>
        <comment>card_entry.card_not_saved</comment>
        <translation>卡未保存。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="93"/>
        <source>The card was not saved. {reason}</source>
        <comment>card_entry.card_not_saved_because</comment>
        <translation>卡未保存。{reason}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="90"/>
        <source>The card is saved for future purchases.</source>
        <comment>card_entry.card_saved</comment>
        <translation>此卡已保存，供日后购物使用。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="76"/>
        <source>Another terminal is handling this payment right now. Finish it there, or try again in a minute.</source>
        <comment>card_entry.held_elsewhere</comment>
        <translation>另一台终端正在处理这笔付款。请在那台终端上完成，或一分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="70"/>
        <source>This payment has no card the customer could confirm.</source>
        <comment>card_entry.no_card_on_intent</comment>
        <translation>这笔付款没有可供客户确认的卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="62"/>
        <source>Card entry needs Stripe&apos;s publishable key (pk_…). Ask a manager to add it in the settings.</source>
        <comment>card_entry.no_publishable_key</comment>
        <translation>录入卡信息需要 Stripe 的可发布密钥（pk_…）。请经理在设置中添加。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="66"/>
        <source>This payment is not waiting for the customer to authenticate. Open the customer again.</source>
        <comment>card_entry.not_awaiting_authentication</comment>
        <translation>这笔付款并未在等待客户验证。请重新打开该客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/card_entry.py" line="73"/>
        <source>This card entry is already finished. Start a new one.</source>
        <comment>card_entry.session_over</comment>
        <translation>本次卡信息录入已结束。请重新开始。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="203"/>
        <source>Nothing was charged. The customer can try again or use another card.</source>
        <comment>card_form.next.authentication_failed</comment>
        <translation>未扣款。客户可以重试，或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="218"/>
        <source>Nothing was charged. Ask the customer to check the card details.</source>
        <comment>card_form.next.fix_details</comment>
        <translation>未扣款。请客户检查卡信息。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="228"/>
        <source>Ask the customer to try again in a moment, or use another card.</source>
        <comment>card_form.next.retry</comment>
        <translation>请客户稍后重试，或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="200"/>
        <source>The customer&apos;s bank did not confirm the payment.</source>
        <comment>card_form.reason.authentication_failed</comment>
        <translation>客户的银行未确认这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="213"/>
        <source>The security code in the form is incomplete.</source>
        <comment>card_form.reason.cvc</comment>
        <translation>表单中的安全码不完整。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="210"/>
        <source>The expiry date in the form is incomplete or in the past.</source>
        <comment>card_form.reason.expiry</comment>
        <translation>表单中的有效期不完整或已过期。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="225"/>
        <source>The card could not be checked, so nothing was charged.</source>
        <comment>card_form.reason.failed</comment>
        <translation>无法验证此卡，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="215"/>
        <source>The card details in the form are incomplete or incorrect.</source>
        <comment>card_form.reason.incomplete</comment>
        <translation>表单中的卡信息不完整或不正确。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="207"/>
        <source>The card number in the form is incomplete or incorrect.</source>
        <comment>card_form.reason.number</comment>
        <translation>表单中的卡号不完整或不正确。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="214"/>
        <source>The postal code in the form is incomplete.</source>
        <comment>card_form.reason.postal</comment>
        <translation>表单中的邮政编码不完整。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="222"/>
        <source>The card form could not reach Stripe, so nothing was charged.</source>
        <comment>card_form.reason.unreachable</comment>
        <translation>卡信息表单无法连接 Stripe，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="38"/>
        <source>This email address does not look right. Check it or leave it empty.</source>
        <comment>customer.bad_email</comment>
        <translation>此邮箱地址似乎不正确。请检查，或留空。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="42"/>
        <source>This phone number does not look right. Use digits, spaces, + and -.</source>
        <comment>customer.bad_phone</comment>
        <translation>此电话号码似乎不正确。请只使用数字、空格、+ 和 -。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customers.py" line="81"/>
        <source>This card is not saved for this customer. Open the customer again.</source>
        <comment>customer.card_not_of_customer</comment>
        <translation>此卡不是该客户已保存的卡。请重新打开该客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="34"/>
        <source>The name contains a control character or a line break. Type it again on one line.</source>
        <comment>customer.name_control</comment>
        <translation>姓名中含有控制字符或换行。请在一行内重新输入。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="30"/>
        <source>Enter the customer&apos;s name.</source>
        <comment>customer.name_required</comment>
        <translation>请输入客户姓名。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customer_input.py" line="31"/>
        <source>The name is too long (at most {limit} characters).</source>
        <comment>customer.name_too_long</comment>
        <translation>姓名过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/customers.py" line="80"/>
        <source>This customer is not known. Search again.</source>
        <comment>customer.unknown</comment>
        <translation>找不到该客户。请重新搜索。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="101"/>
        <source>{scope} was already closed for {day} (Z report no. {number}, by {staff} at {at}). Nothing was changed.</source>
        <comment>day_close.already_closed</comment>
        <translation>{scope}的 {day} 已经日结（第 {number} 号 Z 报表，由 {staff} 于 {at} 执行）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="108"/>
        <source>A day that has not begun cannot be closed.</source>
        <comment>day_close.day_in_future</comment>
        <translation>尚未开始的日期不能日结。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="97"/>
        <source>Fees unavailable: Stripe is not set up on this terminal.</source>
        <comment>day_close.fees_not_configured</comment>
        <translation>无法获取手续费：本终端未设置 Stripe。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="93"/>
        <source>Fees unavailable with this key: it may not read the Stripe balance.</source>
        <comment>day_close.fees_not_permitted</comment>
        <translation>无法获取手续费：此密钥无权读取 Stripe 余额。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="100"/>
        <source>Fees unavailable: {reason}</source>
        <comment>day_close.fees_unavailable</comment>
        <translation>无法获取手续费：{reason}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="106"/>
        <source>The whole store</source>
        <comment>day_close.scope_store</comment>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="107"/>
        <source>Terminal {name}</source>
        <comment>day_close.scope_terminal</comment>
        <translation>终端 {name}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/day_close.py" line="109"/>
        <source>This terminal is not one of the store&apos;s.</source>
        <comment>day_close.unknown_terminal</comment>
        <translation>此终端不属于本店。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gateway/client.py" line="47"/>
        <source>This is not a Stripe secret or restricted key (sk_ or rk_).</source>
        <comment>gateway.key_shape</comment>
        <translation>这不是 Stripe 私密密钥或受限密钥（sk_ 或 rk_）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gateway/errors.py" line="62"/>
        <source>Open the customer again to refresh the saved cards, then try again.</source>
        <comment>gateway.next.refresh</comment>
        <translation>请重新打开该客户以刷新已保存的卡，然后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gateway/errors.py" line="59"/>
        <source>Stripe does not know this card or customer any more.</source>
        <comment>gateway.reason.missing_object</comment>
        <translation>Stripe 中已不存在此卡或此客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="33"/>
        <source>The key could not be checked because Stripe is busy. Nothing was saved. Try again in a minute.</source>
        <comment>key_check.busy</comment>
        <translation>Stripe 繁忙，无法验证密钥。未保存任何内容。请一分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="38"/>
        <source>The key could not be checked: Stripe refused the request. Nothing was saved. Try again; if it keeps happening, the details are in the log.</source>
        <comment>key_check.failed</comment>
        <translation>无法验证密钥：Stripe 拒绝了请求。未保存任何内容。请重试；如果问题持续，详情见日志。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="23"/>
        <source>Stripe accepted this key, but it may not read customers. Give the restricted key access to Customers in the Stripe Dashboard. Nothing was saved.</source>
        <comment>key_check.not_allowed</comment>
        <translation>Stripe 接受了此密钥，但它无权读取客户。请在 Stripe 管理平台中为该受限密钥开放 Customers 权限。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="18"/>
        <source>Stripe did not accept this key. Copy it again from the Stripe Dashboard, or create a new restricted key there. Nothing was saved.</source>
        <comment>key_check.rejected</comment>
        <translation>Stripe 不接受此密钥。请从 Stripe 管理平台重新复制，或在那里新建一个受限密钥。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/key_check.py" line="28"/>
        <source>The key could not be checked because Stripe can&apos;t be reached. Nothing was saved. Check the internet connection and try again.</source>
        <comment>key_check.unreachable</comment>
        <translation>无法连接 Stripe，因此未能验证密钥。未保存任何内容。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="67"/>
        <source>PosDesk keeps Stripe keys only in the system keyring, and none is usable on this computer. Install and unlock a Secret Service keyring, for example GNOME Keyring (Debian/Ubuntu: sudo apt install gnome-keyring; Fedora: sudo dnf install gnome-keyring) or KDE Wallet, then log in again.</source>
        <comment>keyring.explain_linux</comment>
        <translation>PosDesk 只把 Stripe 密钥保存在系统密钥环中，而本机没有可用的密钥环。请安装并解锁一个 Secret Service 密钥环，例如 GNOME Keyring（Debian/Ubuntu：sudo apt install gnome-keyring；Fedora：sudo dnf install gnome-keyring）或 KDE Wallet，然后重新登录系统。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="74"/>
        <source>PosDesk keeps Stripe keys only in the macOS Keychain, which could not be used. Open Keychain Access and make sure the login keychain exists and is unlocked.</source>
        <comment>keyring.explain_macos</comment>
        <translation>PosDesk 只把 Stripe 密钥保存在 macOS 钥匙串中，但钥匙串无法使用。请打开“钥匙串访问”，确认“登录”钥匙串存在且已解锁。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="79"/>
        <source>PosDesk keeps Stripe keys only in Windows Credential Manager, which could not be used. Make sure the Credential Manager service is running for your user account.</source>
        <comment>keyring.explain_windows</comment>
        <translation>PosDesk 只把 Stripe 密钥保存在 Windows 凭据管理器中，但凭据管理器无法使用。请确认凭据管理器（Credential Manager）服务正在为您的用户账户运行。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="84"/>
        <source>The system keyring refused the request ({problem}). {explanation}</source>
        <comment>keyring.refused</comment>
        <translation>系统密钥环拒绝了请求（{problem}）。{explanation}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="74"/>
        <source>The name can have at most {limit} characters.</source>
        <comment>link.name_too_long</comment>
        <translation>名称最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="73"/>
        <source>Give the link a name customers will see.</source>
        <comment>link.no_name</comment>
        <translation>请为链接取一个顾客能看到的名称。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="163"/>
        <source>Ask the customer to pay in person so they can confirm it with their bank, or use another card.</source>
        <comment>outcome.next.authenticate</comment>
        <translation>请客户本人到场付款，以便向其银行确认；或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="147"/>
        <source>Capture the payment when the order is ready.</source>
        <comment>outcome.next.capture</comment>
        <translation>订单备好后再请款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="155"/>
        <source>Ask the customer to check the card details, or use another card.</source>
        <comment>outcome.next.check_details</comment>
        <translation>请客户检查卡信息，或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="178"/>
        <source>Do not charge again. The app is checking with Stripe and will show the result.</source>
        <comment>outcome.next.checking</comment>
        <translation>请勿重复扣款。系统正在向 Stripe 核实，随后会显示结果。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="189"/>
        <source>Ask the customer to contact their bank, or use another card.</source>
        <comment>outcome.next.contact_bank</comment>
        <translation>请客户联系其发卡银行，或换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="172"/>
        <source>Ask a manager to check the Stripe key in the settings.</source>
        <comment>outcome.next.fix_settings</comment>
        <translation>请经理检查设置中的 Stripe 密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="186"/>
        <source>Start a new payment if the customer still owes this amount.</source>
        <comment>outcome.next.new_payment</comment>
        <translation>如客户仍需支付这笔金额，请发起新的付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="142"/>
        <source>Nothing more to do.</source>
        <comment>outcome.next.none</comment>
        <translation>无需其他操作。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="148"/>
        <source>Ask for another card or another payment method.</source>
        <comment>outcome.next.other_card</comment>
        <translation>请客户换一张卡或换一种付款方式。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="182"/>
        <source>Close this to refresh the saved cards, then choose another card or take a new card.</source>
        <comment>outcome.next.refresh_other_card</comment>
        <translation>关闭此窗口以刷新已保存的卡，然后选择其他卡或使用新卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="175"/>
        <source>Do not retry. Tell a manager; the details are in the log.</source>
        <comment>outcome.next.report</comment>
        <translation>请勿重试。请告知经理；详情见日志。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="168"/>
        <source>Try again in a minute. If it keeps happening, check the internet connection.</source>
        <comment>outcome.next.retry_later</comment>
        <translation>请一分钟后重试。如果问题持续，请检查网络连接。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="159"/>
        <source>Try the same card again in a moment. If it fails again, ask for another card.</source>
        <comment>outcome.next.retry_same</comment>
        <translation>请稍后再试同一张卡。如果仍失败，请客户换一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="151"/>
        <source>Ask the customer for a card that is still valid, or another payment method.</source>
        <comment>outcome.next.update_card</comment>
        <translation>请客户提供仍在有效期内的卡，或换一种付款方式。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="143"/>
        <source>No need to charge again. The result will be updated when the bank answers.</source>
        <comment>outcome.next.wait</comment>
        <translation>无需重复扣款。银行回复后，结果会自动更新。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="123"/>
        <source>The bank wants the customer to confirm this payment themselves.</source>
        <comment>outcome.reason.authentication_required</comment>
        <translation>银行要求客户本人确认这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="76"/>
        <source>Stripe rejected the request because of a problem in this app.</source>
        <comment>outcome.reason.bug</comment>
        <translation>由于本应用的问题，Stripe 拒绝了请求。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="69"/>
        <source>Stripe is receiving too many requests right now.</source>
        <comment>outcome.reason.busy</comment>
        <translation>Stripe 当前收到的请求过多。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="95"/>
        <source>The payment was canceled, so nothing was charged.</source>
        <comment>outcome.reason.canceled</comment>
        <translation>付款已取消，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="134"/>
        <source>The card was declined: the card does not support this kind of purchase.</source>
        <comment>outcome.reason.card_not_supported</comment>
        <translation>卡被拒：此卡不支持此类消费。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="100"/>
        <source>Stripe will not charge this card for this customer: it has been removed from their saved cards.</source>
        <comment>outcome.reason.card_not_usable</comment>
        <translation>Stripe 不会为该客户向此卡扣款：此卡已从客户的已保存卡中移除。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="70"/>
        <source>The Stripe key in the settings was not accepted.</source>
        <comment>outcome.reason.config_bad_key</comment>
        <translation>设置中的 Stripe 密钥未被接受。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="73"/>
        <source>The Stripe key in the settings is not allowed to do this.</source>
        <comment>outcome.reason.config_permission</comment>
        <translation>设置中的 Stripe 密钥无权执行此操作。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="130"/>
        <source>The card was declined: the card does not support this currency.</source>
        <comment>outcome.reason.currency_not_supported</comment>
        <translation>卡被拒：此卡不支持该币种。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="106"/>
        <source>The card was declined.</source>
        <comment>outcome.reason.declined_generic</comment>
        <translation>卡被拒。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="110"/>
        <source>The card was declined: the card has expired.</source>
        <comment>outcome.reason.expired_card</comment>
        <translation>卡被拒：此卡已过期。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="113"/>
        <source>The card was declined: the security code is incorrect.</source>
        <comment>outcome.reason.incorrect_cvc</comment>
        <translation>卡被拒：安全码不正确。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="116"/>
        <source>The card was declined: the card number is incorrect.</source>
        <comment>outcome.reason.incorrect_number</comment>
        <translation>卡被拒：卡号不正确。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="107"/>
        <source>The card was declined: insufficient funds.</source>
        <comment>outcome.reason.insufficient_funds</comment>
        <translation>卡被拒：余额不足。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="127"/>
        <source>The card was declined: the card&apos;s limit has been reached.</source>
        <comment>outcome.reason.limit_exceeded</comment>
        <translation>卡被拒：已达到此卡的额度上限。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="52"/>
        <source>The payment is being processed by the bank.</source>
        <comment>outcome.reason.processing</comment>
        <translation>银行正在处理这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="119"/>
        <source>The card could not be charged because of a processing error.</source>
        <comment>outcome.reason.processing_error</comment>
        <translation>处理出错，未能扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="62"/>
        <source>Stripe is receiving too many requests right now, so nothing was charged.</source>
        <comment>outcome.reason.rate_limited</comment>
        <translation>Stripe 当前收到的请求过多，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="55"/>
        <source>The amount is reserved on the card and waits to be captured.</source>
        <comment>outcome.reason.requires_capture</comment>
        <translation>金额已在卡上预授权冻结，等待请款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="83"/>
        <source>Stripe had a problem answering, so it is not yet known whether the payment went through.</source>
        <comment>outcome.reason.server_error</comment>
        <translation>Stripe 响应出错，目前还无法确定付款是否成功。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="88"/>
        <source>Stripe had a problem with this payment and did not take it, so nothing was charged.</source>
        <comment>outcome.reason.server_error_not_charged</comment>
        <translation>Stripe 处理这笔付款时出错，且未受理，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="92"/>
        <source>The payment was not completed, so nothing was charged.</source>
        <comment>outcome.reason.still_open</comment>
        <translation>付款未完成，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="51"/>
        <source>The payment was approved.</source>
        <comment>outcome.reason.succeeded</comment>
        <translation>付款已批准。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="138"/>
        <source>The card was declined for now by the bank.</source>
        <comment>outcome.reason.try_again_later</comment>
        <translation>银行暂时拒绝了此卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="59"/>
        <source>Stripe could not be reached, so nothing was charged.</source>
        <comment>outcome.reason.unavailable</comment>
        <translation>无法连接 Stripe，因此未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="79"/>
        <source>The connection to Stripe was lost before the answer arrived.</source>
        <comment>outcome.reason.unconfirmed</comment>
        <translation>在收到响应之前，与 Stripe 的连接已断开。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="68"/>
        <source>Stripe could not be reached.</source>
        <comment>outcome.reason.unreachable</comment>
        <translation>无法连接 Stripe。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/outcomes.py" line="195"/>
        <source>{reason} {next_step}</source>
        <comment>outcome.reason_with_next_step</comment>
        <translation>{reason}{next_step}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="39"/>
        <source>This is not one of Stripe&apos;s saved cards. Open the customer again.</source>
        <comment>payment.bad_card</comment>
        <translation>这不是 Stripe 中已保存的卡。请重新打开该客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="35"/>
        <source>This is not a Stripe customer. Open the customer again from the search.</source>
        <comment>payment.bad_customer</comment>
        <translation>这不是 Stripe 客户。请通过搜索重新打开该客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="46"/>
        <source>The description contains a control character that cannot be stored. Type it again.</source>
        <comment>payment.description_control</comment>
        <translation>说明中含有无法保存的控制字符。请重新输入。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="42"/>
        <source>The description is too long (at most {limit} characters).</source>
        <comment>payment.description_too_long</comment>
        <translation>说明过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="34"/>
        <source>Choose one of the customer&apos;s saved cards.</source>
        <comment>payment.no_card</comment>
        <translation>请选择该客户已保存的一张卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/payment_input.py" line="33"/>
        <source>Choose a customer first.</source>
        <comment>payment.no_customer</comment>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="83"/>
        <source>approve others&apos; operations</source>
        <comment>permission.approve</comment>
        <translation>批准他人的操作</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="75"/>
        <source>capture or release authorizations</source>
        <comment>permission.capture</comment>
        <translation>请款或撤销预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="72"/>
        <source>take payments</source>
        <comment>permission.charge</comment>
        <translation>收款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="84"/>
        <source>close the day</source>
        <comment>permission.close_day</comment>
        <translation>日结</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="73"/>
        <source>remove saved cards</source>
        <comment>permission.detach_card</comment>
        <translation>删除已保存的卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="71"/>
        <source>add or change customers</source>
        <comment>permission.edit_customers</comment>
        <translation>添加或修改顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="79"/>
        <source>export data</source>
        <comment>permission.export</comment>
        <translation>导出数据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="76"/>
        <source>change the settings</source>
        <comment>permission.manage_settings</comment>
        <translation>修改设置</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="77"/>
        <source>manage staff accounts</source>
        <comment>permission.manage_staff</comment>
        <translation>管理员工账户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="74"/>
        <source>refund payments</source>
        <comment>permission.refund</comment>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="80"/>
        <source>resend receipts</source>
        <comment>permission.resend_receipt</comment>
        <translation>重新发送收据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="78"/>
        <source>read the audit trail</source>
        <comment>permission.view_audit</comment>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="70"/>
        <source>look up customers</source>
        <comment>permission.view_customers</comment>
        <translation>查找顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="81"/>
        <source>see the whole store&apos;s payment history</source>
        <comment>permission.view_history</comment>
        <translation>查看全店的付款记录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/receipts.py" line="64"/>
        <source>Type an email address such as ann@example.com.</source>
        <comment>receipt.bad_email</comment>
        <translation>请输入电子邮件地址，例如 ann@example.com。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/receipts.py" line="65"/>
        <source>Stripe does not know this payment yet, so it cannot email a receipt.</source>
        <comment>receipt.no_intent</comment>
        <translation>Stripe 尚不知道这笔付款，因此无法通过电子邮件发送收据。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/receipts.py" line="61"/>
        <source>Only a payment that went through has a receipt. Nothing was printed.</source>
        <comment>receipt.not_paid</comment>
        <translation>只有成功的付款才有收据。未打印任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/receipts.py" line="60"/>
        <source>This payment is not in the shop&apos;s records.</source>
        <comment>receipt.unknown_payment</comment>
        <translation>店铺记录中没有这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/receipts.py" line="63"/>
        <source>This refund is not one of the payment&apos;s.</source>
        <comment>receipt.unknown_refund</comment>
        <translation>这笔退款不属于该付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="123"/>
        <source>Stripe is busy and did not take the refund. Nothing was refunded: try again in a minute.</source>
        <comment>refund.busy</comment>
        <translation>Stripe 繁忙，未受理退款。未退款：请一分钟后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="94"/>
        <source>Another terminal is refunding this payment right now. Try again in a moment; nothing was refunded.</source>
        <comment>refund.busy_elsewhere</comment>
        <translation>另一台终端正在为这笔付款退款。请稍后重试；未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="127"/>
        <source>Stripe refused the shop&apos;s key for refunds. Nothing was refunded: a manager checks the key in Settings.</source>
        <comment>refund.configuration</comment>
        <translation>Stripe 拒绝了本店用于退款的密钥。未退款：请经理在设置中检查密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="82"/>
        <source>Only {left} is left to refund on this payment. Nothing was refunded.</source>
        <comment>refund.more_than_left</comment>
        <translation>这笔付款仅剩 {left} 可退。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="118"/>
        <source>Stripe could not be reached, so nothing was refunded. Check the internet connection and try again.</source>
        <comment>refund.not_reached</comment>
        <translation>无法连接 Stripe，因此未退款。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="86"/>
        <source>Only a payment that went through can be refunded. Nothing was refunded.</source>
        <comment>refund.not_refundable</comment>
        <translation>只有已成功的付款才能退款。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="100"/>
        <source>The note contains characters that cannot be kept.</source>
        <comment>refund.note_control</comment>
        <translation>备注中含有无法保存的字符。请重新输入。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="99"/>
        <source>The note may have at most {limit} characters.</source>
        <comment>refund.note_too_long</comment>
        <translation>备注最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="80"/>
        <source>This payment has been refunded in full. Nothing was refunded.</source>
        <comment>refund.nothing_left</comment>
        <translation>这笔付款已全额退款。本次未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="90"/>
        <source>This payment was taken in {currency}: refund it in {currency}. Nothing was refunded.</source>
        <comment>refund.other_currency</comment>
        <translation>这笔付款以 {currency} 收取：请以 {currency} 退款。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="64"/>
        <source>Charged twice (duplicate)</source>
        <comment>refund.reason.duplicate</comment>
        <translation>重复扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="65"/>
        <source>Fraudulent payment</source>
        <comment>refund.reason.fraudulent</comment>
        <translation>欺诈付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="62"/>
        <source>Requested by the customer</source>
        <comment>refund.reason.requested_by_customer</comment>
        <translation>客户要求退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="137"/>
        <source>Stripe answered with an error and made no refund. Nothing was refunded.</source>
        <comment>refund.server_error_not_refunded</comment>
        <translation>Stripe 返回错误，没有执行退款。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="75"/>
        <source>Canceled: not refunded</source>
        <comment>refund.state.canceled</comment>
        <translation>已取消：未退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="74"/>
        <source>Failed: not refunded</source>
        <comment>refund.state.failed</comment>
        <translation>失败：未退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="71"/>
        <source>Pending</source>
        <comment>refund.state.pending</comment>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="76"/>
        <source>Refused: not refunded</source>
        <comment>refund.state.refused</comment>
        <translation>被拒：未退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="72"/>
        <source>Waiting for action</source>
        <comment>refund.state.requires_action</comment>
        <translation>等待处理</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="69"/>
        <source>Being sent to Stripe</source>
        <comment>refund.state.sending</comment>
        <translation>正在发送至 Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="73"/>
        <source>Refunded</source>
        <comment>refund.state.succeeded</comment>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="70"/>
        <source>Not confirmed yet</source>
        <comment>refund.state.unconfirmed</comment>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="109"/>
        <source>Stripe says this payment has already been refunded in full. Nothing was refunded.</source>
        <comment>refund.stripe_already_refunded</comment>
        <translation>Stripe 显示这笔付款已全额退款。本次未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="105"/>
        <source>Stripe says this is more than is left to refund on the payment. Nothing was refunded.</source>
        <comment>refund.stripe_more_than_left</comment>
        <translation>Stripe 显示退款金额超过这笔付款的剩余可退金额。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="113"/>
        <source>Stripe refused this refund. Nothing was refunded. Check the payment in the Stripe Dashboard.</source>
        <comment>refund.stripe_refused</comment>
        <translation>Stripe 拒绝了这笔退款。未退款。请在 Stripe 管理平台中查看这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="132"/>
        <source>Stripe&apos;s answer did not arrive. PosDesk checks with Stripe by itself; do not refund again.</source>
        <comment>refund.unconfirmed</comment>
        <translation>未收到 Stripe 的答复。PosDesk 会自动向 Stripe 核实；请勿重复退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="102"/>
        <source>This payment is not in the shop&apos;s records. Nothing was refunded.</source>
        <comment>refund.unknown_payment</comment>
        <translation>本店记录中没有这笔付款。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/refunds.py" line="101"/>
        <source>Choose why the money goes back.</source>
        <comment>refund.unknown_reason</comment>
        <translation>请选择退款原因。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="71"/>
        <source>A link to authenticate this payment is already open.</source>
        <comment>request.already_sent</comment>
        <translation>此付款的验证链接已经发出，仍然有效。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="57"/>
        <source>The link must stay open between {min} and {max} minutes.</source>
        <comment>request.bad_expiry</comment>
        <translation>链接的有效时间必须在 {min} 到 {max} 分钟之间。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="61"/>
        <source>The description can have at most {limit} characters.</source>
        <comment>request.description_too_long</comment>
        <translation>说明最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="60"/>
        <source>Say what the payment is for.</source>
        <comment>request.no_description</comment>
        <translation>请说明付款用途。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="67"/>
        <source>Only a payment that failed for lack of the customer&apos;s authentication can be sent as a link.</source>
        <comment>request.not_authentication</comment>
        <translation>只有因顾客未验证而失败的付款才能以链接发送。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="66"/>
        <source>This payment request does not exist.</source>
        <comment>request.not_found</comment>
        <translation>此付款请求不存在。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="65"/>
        <source>This request is no longer open.</source>
        <comment>request.not_open</comment>
        <translation>此请求已不再有效。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="63"/>
        <source>A card can only be saved for a customer on file.</source>
        <comment>request.save_needs_customer</comment>
        <translation>只能为已建档的顾客保存卡片。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="53"/>
        <source>Expired: the link no longer works</source>
        <comment>request.state.expired</comment>
        <translation>已过期：链接不再有效</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="54"/>
        <source>The link could not be created</source>
        <comment>request.state.failed</comment>
        <translation>无法创建链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="51"/>
        <source>Waiting for the customer to pay</source>
        <comment>request.state.open</comment>
        <translation>等待顾客付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="52"/>
        <source>Paid</source>
        <comment>request.state.paid</comment>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/payment_requests.py" line="50"/>
        <source>Creating the link…</source>
        <comment>request.state.sending</comment>
        <translation>正在创建链接…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="65"/>
        <source>Cashier</source>
        <comment>role.cashier</comment>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="67"/>
        <source>Manager</source>
        <comment>role.manager</comment>
        <translation>经理</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="66"/>
        <source>Support</source>
        <comment>role.support</comment>
        <translation>客服</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="45"/>
        <source>This is not a Stripe publishable key. It starts with pk_test_ or pk_live_.</source>
        <comment>secret.bad_publishable_key</comment>
        <translation>这不是 Stripe 可发布密钥。可发布密钥以 pk_test_ 或 pk_live_ 开头。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="40"/>
        <source>This is not a Stripe secret or restricted key. It starts with sk_test_, sk_live_, rk_test_ or rk_live_ (a restricted key, rk_, is recommended).</source>
        <comment>secret.bad_secret_key</comment>
        <translation>这不是 Stripe 私密密钥或受限密钥。它应以 sk_test_、sk_live_、rk_test_ 或 rk_live_ 开头（推荐使用受限密钥 rk_）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="49"/>
        <source>This is not a webhook signing secret. It starts with whsec_.</source>
        <comment>secret.bad_webhook_secret</comment>
        <translation>这不是 Webhook 签名密钥。它应以 whsec_ 开头。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="54"/>
        <source>The value contains a control character or a line break. Paste the key alone.</source>
        <comment>secret.control</comment>
        <translation>该值含有控制字符或换行。请只粘贴密钥本身。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="53"/>
        <source>Nothing was entered. Paste the key or secret.</source>
        <comment>secret.empty</comment>
        <translation>未输入任何内容。请粘贴密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="62"/>
        <source>Cannot tell test from live mode: the key does not start with sk_, rk_ or pk_.</source>
        <comment>secret.no_mode</comment>
        <translation>无法判断是测试模式还是正式模式：密钥不是以 sk_、rk_ 或 pk_ 开头。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="58"/>
        <source>This is too long to be a Stripe key or signing secret (at most {limit} characters).</source>
        <comment>secret.too_long</comment>
        <translation>内容过长，不是 Stripe 密钥或签名密钥（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/secret_store.py" line="52"/>
        <source>Unknown secret name. Use one of: {names}.</source>
        <comment>secret.unknown_name</comment>
        <translation>未知的密钥名称。请使用以下之一：{names}。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/session.py" line="33"/>
        <source>Nobody is signed in. Sign in with your PIN first.</source>
        <comment>session.not_signed_in</comment>
        <translation>尚无人登录。请先用 PIN 码登录。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/settings_service.py" line="57"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <comment>settings.key_modes</comment>
        <translation>私密密钥和可发布密钥必须同为测试密钥或同为正式密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/settings_service.py" line="55"/>
        <source>Receipts are laid out for an 80 mm roll, A4 or Letter.</source>
        <comment>settings.receipt_paper</comment>
        <translation>收据只能按 80 毫米卷纸、A4 或 Letter 纸排版。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/settings_service.py" line="48"/>
        <source>The webhook address must be an IP address of this computer, such as 127.0.0.1 or 192.168.1.20.</source>
        <comment>settings.relay_host</comment>
        <translation>Webhook 地址必须是本机的 IP 地址，例如 127.0.0.1 或 192.168.1.20。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/settings_service.py" line="53"/>
        <source>The webhook port is a number from 1024 to 65535.</source>
        <comment>settings.relay_port</comment>
        <translation>Webhook 端口是 1024 到 65535 之间的数字。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/settings_service.py" line="54"/>
        <source>This is not a setting of this terminal.</source>
        <comment>settings.unknown</comment>
        <translation>这不是本终端的设置项。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="55"/>
        <source>The address is too long (at most {lines} lines and {limit} characters).</source>
        <comment>shop.address_too_long</comment>
        <translation>地址过长（最多 {lines} 行、{limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="72"/>
        <source>This value cannot be a shop setting.</source>
        <comment>shop.bad_value</comment>
        <translation>该值不能用作门店设置。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="63"/>
        <source>The idle lock is 0 (never) or between {low} and {high} seconds.</source>
        <comment>shop.idle_lock_range</comment>
        <translation>空闲锁定时间为 0（从不）或 {low} 到 {high} 秒之间。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="67"/>
        <source>A limit is an amount of zero or more, or empty (charges: never ask; refunds: always ask a manager).</source>
        <comment>shop.limit_range</comment>
        <translation>限额须为零或更大的金额，也可留空（收款：从不询问；退款：总是需要经理批准）。</translation>
    </message>
    <message>
        <source>An approval limit is an amount of zero or more, or empty for no approval.</source>
        <comment>shop.limit_range</comment>
        <translation type="vanished">批准限额须为零或更大的金额；留空表示无需批准。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="52"/>
        <source>The shop&apos;s name is too long (at most {limit} characters).</source>
        <comment>shop.name_too_long</comment>
        <translation>门店名称过长（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="59"/>
        <source>“{locale}” is not a language and region PosDesk knows, such as en_US or zh_CN.</source>
        <comment>shop.unknown_locale</comment>
        <translation>“{locale}”不是 PosDesk 支持的语言和地区，应为 en_US 或 zh_CN 这样的格式。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/shop_settings.py" line="73"/>
        <source>“{zone}” is not a time zone. Choose one from the list, such as Asia/Shanghai.</source>
        <comment>shop.unknown_time_zone</comment>
        <translation>“{zone}”不是有效的时区。请从列表中选择，例如 Asia/Shanghai。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="69"/>
        <source>Only a manager can approve this.</source>
        <comment>staff.approver_not_manager</comment>
        <translation>只有经理可以批准此操作。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="65"/>
        <source>The store must keep at least one active manager: make someone else a manager first.</source>
        <comment>staff.last_manager</comment>
        <translation>必须至少保留一位已启用的经理：请先将其他人设为经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="49"/>
        <source>Enter the person&apos;s name.</source>
        <comment>staff.name_required</comment>
        <translation>请输入此人的姓名。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="53"/>
        <source>Someone on the staff already has this name. Add a surname or initial.</source>
        <comment>staff.name_taken</comment>
        <translation>已有员工使用此姓名。请加上姓氏或名字首字母以示区分。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="50"/>
        <source>A staff member&apos;s name has at most {limit} characters.</source>
        <comment>staff.name_too_long</comment>
        <translation>员工姓名最多 {limit} 个字符。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="60"/>
        <source>This account does not exist or is switched off.</source>
        <comment>staff.no_account</comment>
        <translation>此账户不存在或已停用。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="61"/>
        <source>This store already has staff: sign in, and a manager can add you.</source>
        <comment>staff.not_first_manager</comment>
        <translation>本店已有员工：请让经理登录后为您添加账户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/domain/roles.py" line="61"/>
        <source>{name} ({role}) may not {action}</source>
        <comment>staff.permission_denied</comment>
        <translation>{name}（{role}）无权执行：{action}</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="42"/>
        <source>A PIN is {low} to {high} digits.</source>
        <comment>staff.pin_digits</comment>
        <translation>PIN 码为 {low} 到 {high} 位数字。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="45"/>
        <source>This PIN is too easy to guess (one digit repeated, or digits in a row). Choose another.</source>
        <comment>staff.pin_too_simple</comment>
        <translation>此 PIN 码太容易被猜到（同一数字重复或数字连续）。请换一个。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="70"/>
        <source>Another person must approve: ask a manager for their PIN.</source>
        <comment>staff.self_approval</comment>
        <translation>需由另一人批准：请经理输入其 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="57"/>
        <source>Too many wrong PINs. Try again in {seconds} seconds.</source>
        <comment>staff.wait</comment>
        <translation>PIN 码错误次数过多。请 {seconds} 秒后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/staff.py" line="56"/>
        <source>Wrong PIN.</source>
        <comment>staff.wrong_pin</comment>
        <translation>PIN 码错误。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/start_guard.py" line="33"/>
        <source>PosDesk is already running on this computer (process {pid}). Switch to its window, or close it before starting PosDesk again.</source>
        <comment>start.already_running</comment>
        <translation>PosDesk 已在本机运行（进程 {pid}）。请切换到其窗口，或先关闭它再重新启动 PosDesk。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/start_guard.py" line="38"/>
        <source>PosDesk on the computer {host} is running as this same terminal right now: its data folder was probably copied from this one. Close PosDesk there, or delete the file terminal-id in its data folder so that it becomes a terminal of its own.</source>
        <comment>start.same_terminal_elsewhere</comment>
        <translation>计算机 {host} 上的 PosDesk 正以同一终端的身份运行：它的数据文件夹可能是从本机复制过去的。请关闭那里的 PosDesk，或删除其数据文件夹中的 terminal-id 文件，使其成为独立的终端。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/start_guard.py" line="44"/>
        <source>This store ({database}) is in use by PosDesk on another computer ({host}). A SQLite store belongs to one computer: two computers writing one file over a network share can damage it. Close PosDesk on {host}, or let the terminals share a PostgreSQL store (Settings, Store).</source>
        <comment>start.sqlite_in_use_elsewhere</comment>
        <translation>此数据库（{database}）正被另一台计算机（{host}）上的 PosDesk 使用。SQLite 数据库只能由一台计算机使用：两台计算机通过网络共享写入同一个文件可能会损坏它。请关闭 {host} 上的 PosDesk，或让各终端共用一个 PostgreSQL 数据库（设置 → 数据库）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="103"/>
        <source>Enter the store&apos;s URL, such as postgresql://posdesk@db-server/posdesk.</source>
        <comment>store.url_empty</comment>
        <translation>请输入数据库的 URL，例如 postgresql://posdesk@db-server/posdesk。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="111"/>
        <source>Leave the password out of the URL: settings are kept in a plain file. Put it in ~/.pgpass (%APPDATA%\postgresql\pgpass.conf on Windows) or the PGPASSWORD environment variable, where PostgreSQL finds it.</source>
        <comment>store.url_has_password</comment>
        <translation>URL 中不要包含密码：设置保存在普通文件中。请将密码放入 ~/.pgpass（Windows 上为 %APPDATA%\postgresql\pgpass.conf）或 PGPASSWORD 环境变量，PostgreSQL 会从那里读取。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="117"/>
        <source>Name the database at the end: postgresql://user@host/database.</source>
        <comment>store.url_no_database</comment>
        <translation>请在末尾写上数据库名：postgresql://user@host/database。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/store_setup.py" line="107"/>
        <source>Not a PostgreSQL URL: write it as postgresql://user@host/database.</source>
        <comment>store.url_not_postgres</comment>
        <translation>这不是 PostgreSQL URL：请写成 postgresql://user@host/database。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/services/errors.py" line="11"/>
        <source>PosDesk is not connected to Stripe yet. Ask a manager to enter the keys in the settings.</source>
        <comment>stripe.not_configured</comment>
        <translation>PosDesk 尚未连接 Stripe。请经理在设置中输入密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/sync/engine.py" line="40"/>
        <source>Payments left open could not all be checked with Stripe yet; PosDesk tries again by itself.</source>
        <comment>sync.reconcile_failed</comment>
        <translation>部分未完成的付款尚未向 Stripe 核实；PosDesk 会自动重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/sync/relay.py" line="43"/>
        <source>Changes received from Stripe could not be saved yet; PosDesk tries again by itself.</source>
        <comment>sync.webhook_not_saved</comment>
        <translation>从 Stripe 收到的更改暂时无法保存；PosDesk 会自动重试。</translation>
    </message>
</context>
<context>
    <name>NewCustomerDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="34"/>
        <source>New customer</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="46"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="47"/>
        <source>Email</source>
        <translation>邮箱</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="48"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="55"/>
        <source>Create customer</source>
        <translation>创建客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="59"/>
        <source>Create the customer in Stripe (Enter)</source>
        <translation>在 Stripe 中创建客户（Enter）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="62"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="80"/>
        <source>Enter the customer&apos;s name.</source>
        <translation>请输入客户姓名。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="84"/>
        <source>Creating the customer in Stripe…</source>
        <translation>正在 Stripe 中创建客户…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="106"/>
        <source>You are not allowed to add customers.</source>
        <translation>您无权添加客户。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/customers/new_customer_dialog.py" line="105"/>
        <source>Stripe did not answer. Nothing was created; try again.</source>
        <translation>Stripe 没有响应。未创建任何内容；请重试。</translation>
    </message>
</context>
<context>
    <name>OpenAuthorisationsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="63"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="63"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="63"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="64"/>
        <source>Lapses</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="64"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="51"/>
        <source>Open authorizations</source>
        <translation>未完成的预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="55"/>
        <source>Amounts held on cards and not captured yet, soonest to lapse first. An authorization that lapses releases the hold: capture or release it before then.</source>
        <translation>已在卡上冻结但尚未请款的金额，最先失效的排在最前。预授权失效后冻结即解除：请在此之前请款或撤销。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="63"/>
        <source>Authorized</source>
        <translation>预授权时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="74"/>
        <source>Reading the open authorizations…</source>
        <translation>正在读取未完成的预授权…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="78"/>
        <source>Capture or release…</source>
        <translation>请款或撤销预授权…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="82"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="85"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="127"/>
        <source>about %1</source>
        <translation>约 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="130"/>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="142"/>
        <source>Less than a day left: capture or release it now.</source>
        <translation>剩余不足一天：请立即请款或撤销预授权。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="148"/>
        <source>No authorization is waiting for a capture.</source>
        <translation>没有等待请款的预授权。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="167"/>
        <source>The open authorizations could not be read. Try again.</source>
        <translation>无法读取未完成的预授权。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="150"/>
        <source>%1 lapse within a day: capture or release them now.</source>
        <translation>有 %1 笔将在一天内失效：请立即请款或撤销预授权。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/open_authorisations.py" line="153"/>
        <source>Select one and press Enter to capture or release it.</source>
        <translation>选中一笔并按 Enter 以请款或撤销预授权。</translation>
    </message>
</context>
<context>
    <name>OpenRequestsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="54"/>
        <source>Open payment requests</source>
        <translation>未完成的付款请求</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="57"/>
        <source>Links customers may still pay, soonest to expire first. Expire one to stop it taking payments.</source>
        <translation>顾客仍可付款的链接，最先过期的排在前面。让链接过期即可停止收款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="64"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="64"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="64"/>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="64"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="65"/>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="65"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="73"/>
        <source>Expire selected</source>
        <translation>使所选过期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="75"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="77"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="100"/>
        <source>The open requests could not be read.</source>
        <translation>无法读取未完成的请求。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="120"/>
        <source>No open payment requests.</source>
        <translation>没有未完成的付款请求。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/open_requests.py" line="130"/>
        <source>Select a request first.</source>
        <translation>请先选择一个请求。</translation>
    </message>
</context>
<context>
    <name>OutcomeView</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="66"/>
        <source>%1 charged</source>
        <translation>已扣款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="68"/>
        <source>%1 not charged</source>
        <translation>未扣款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="77"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="90"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="100"/>
        <source>Sending to Stripe</source>
        <translation>正在发送至 Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="101"/>
        <source>Checking with Stripe</source>
        <translation>正在向 Stripe 核实</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="102"/>
        <source>Waiting for the customer</source>
        <translation>等待客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="103"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="104"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="161"/>
        <source>Processing</source>
        <translation>处理中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="105"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="162"/>
        <source>Authorized, not yet captured</source>
        <translation>已预授权，未请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="106"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="154"/>
        <source>Declined</source>
        <translation>卡被拒</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="107"/>
        <source>Needs customer to authenticate</source>
        <translation>需客户验证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="110"/>
        <source>Failed, not charged</source>
        <translation>失败，未扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="111"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="152"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="160"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="210"/>
        <source>This card needs the customer to approve each payment with their bank, which cannot happen while they are not here. Nothing was charged.</source>
        <translation>此卡要求客户每次付款都向银行确认，客户不在场时无法完成。未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="215"/>
        <source>If the customer is here, they can confirm it now on this screen.</source>
        <translation>如果客户在场，可以现在在此屏幕上确认。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="354"/>
        <source>Left to refund on this payment: %1.</source>
        <translation>这笔付款剩余可退金额：%1。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="361"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="362"/>
        <source>%1 refunded</source>
        <translation>已退款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="363"/>
        <source>The money goes back to the card the customer paid with.</source>
        <translation>款项将退回客户付款时所用的卡。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="367"/>
        <source>Refund pending</source>
        <translation>退款处理中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="368"/>
        <source>%1 refund pending</source>
        <translation>退款 %1 处理中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="369"/>
        <source>Stripe has the refund and finishes it later (for example once the Stripe balance covers it).</source>
        <translation>Stripe 已收到退款，稍后完成（例如等 Stripe 余额足够时）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="371"/>
        <source>The payment shows when it is done. Do not refund again.</source>
        <translation>完成后会显示在这笔付款中。请勿重复退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="377"/>
        <source>The payment shows the refund once Stripe answers.</source>
        <translation>Stripe 答复后，这笔付款会显示该退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="381"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="401"/>
        <source>Not refunded</source>
        <translation>未退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="382"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="386"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="393"/>
        <source>%1 not refunded</source>
        <translation>未退款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="385"/>
        <source>Refund failed</source>
        <translation>退款失败</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="399"/>
        <source>Ask a manager to make this refund.</source>
        <translation>请经理来完成这笔退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="408"/>
        <source>PosDesk could not finish this refund because of an internal error.</source>
        <translation>由于内部错误，PosDesk 未能完成这笔退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="410"/>
        <source>Check the payment&apos;s refunds before refunding again, and tell a manager.</source>
        <translation>再次退款前，请先查看这笔付款的退款记录，并告知经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="420"/>
        <source>The customer asked</source>
        <translation>客户要求</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="421"/>
        <source>The sale did not happen</source>
        <translation>交易未达成</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="422"/>
        <source>Authorized twice by mistake</source>
        <translation>误重复预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="455"/>
        <source>The money is taken from the card that was authorized.</source>
        <translation>款项从预授权的卡上扣取。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="459"/>
        <source>Authorization released</source>
        <translation>预授权已撤销</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="423"/>
        <source>Suspected fraud</source>
        <translation>疑似欺诈</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="431"/>
        <source>Lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="435"/>
        <source>%1 d %2 h left</source>
        <translation>剩余 %1 天 %2 小时</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="438"/>
        <source>%1 h left</source>
        <translation>剩余 %1 小时</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="439"/>
        <source>%1 min left</source>
        <translation>剩余 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="450"/>
        <source>The rest, %1, was released on the card.</source>
        <translation>其余 %1 已在卡上解除冻结。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="453"/>
        <source>Captured</source>
        <translation>已请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="454"/>
        <source>%1 captured</source>
        <translation>已请款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="460"/>
        <source>%1 released</source>
        <translation>已撤销 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="461"/>
        <source>Nothing was taken: the hold on the card is released.</source>
        <translation>未扣款：卡上的冻结已解除。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="466"/>
        <source>Press Check again; nothing is taken twice.</source>
        <translation>请按“再次核实”；不会重复扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="469"/>
        <source>Stripe refused</source>
        <translation>Stripe 拒绝</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="470"/>
        <source>The payment shows what Stripe says it is now.</source>
        <translation>付款记录显示 Stripe 当前的状态。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="480"/>
        <source>Ask a manager to capture or release it.</source>
        <translation>请经理来请款或撤销预授权。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="482"/>
        <source>Nothing changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="488"/>
        <source>PosDesk could not finish this because of an internal error.</source>
        <translation>由于内部错误，PosDesk 无法完成此操作。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="490"/>
        <source>Open the payment again before trying again, and tell a manager.</source>
        <translation>重试前请重新打开这笔付款，并告知经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="163"/>
        <source>Customer must authenticate</source>
        <translation>需客户验证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="164"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="375"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="465"/>
        <source>Checking with Stripe…</source>
        <translation>正在向 Stripe 核实…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="165"/>
        <source>Stripe can&apos;t be reached</source>
        <translation>无法连接 Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="177"/>
        <source>The connection to Stripe failed while sending this payment.</source>
        <translation>发送这笔付款时，与 Stripe 的连接失败。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="166"/>
        <source>Stripe is busy</source>
        <translation>Stripe 繁忙</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="181"/>
        <source>Stripe did not answer about this payment yet.</source>
        <translation>Stripe 尚未答复这笔付款的结果。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="167"/>
        <source>Stripe set-up problem</source>
        <translation>Stripe 设置有误</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="158"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="310"/>
        <source>Not charged</source>
        <translation>未扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="168"/>
        <source>Payment not sent</source>
        <translation>付款未发送</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="247"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="258"/>
        <source>Card saved</source>
        <translation>卡已保存</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="249"/>
        <source>%1 is saved for future purchases. Nothing was charged.</source>
        <translation>%1 已保存，供日后购物使用。未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="252"/>
        <source>It now shows in the customer&apos;s saved cards.</source>
        <translation>它现在显示在客户的已保存卡中。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="261"/>
        <source>Nothing was charged.</source>
        <translation>未扣款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="264"/>
        <source>Card not saved</source>
        <translation>卡未保存</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="271"/>
        <source>%1 is saved for future purchases.</source>
        <translation>%1 已保存，供日后购物使用。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="301"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="397"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="478"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="304"/>
        <source>Ask a manager to take this payment.</source>
        <translation>请经理来完成这笔收款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="313"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="403"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="484"/>
        <source>Nothing was sent to Stripe.</source>
        <translation>未向 Stripe 发送任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="319"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="406"/>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="487"/>
        <source>Something went wrong</source>
        <translation>出错了</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="321"/>
        <source>PosDesk could not finish this payment because of an internal error.</source>
        <translation>由于内部错误，PosDesk 未能完成这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/outcome_view.py" line="324"/>
        <source>Check the customer&apos;s recent payments before charging again, and tell a manager.</source>
        <translation>再次扣款前，请先查看该客户的最近付款，并告知经理。</translation>
    </message>
</context>
<context>
    <name>PaymentDetailDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="55"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="59"/>
        <source>Reading the payment…</source>
        <translation>正在读取付款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="65"/>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="79"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="65"/>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="79"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="66"/>
        <source>Received</source>
        <translation>实收</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="66"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="67"/>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="79"/>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="82"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="67"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="68"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="68"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="69"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="69"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="70"/>
        <source>Reference</source>
        <translation>参考编号</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="78"/>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="117"/>
        <source>Refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="79"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="80"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="81"/>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="119"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="82"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="82"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="82"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="91"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="93"/>
        <source>Capture or release…</source>
        <translation>请款或撤销预授权…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="103"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="147"/>
        <source>This payment could not be read.</source>
        <translation>无法读取这笔付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="153"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/payment_detail_dialog.py" line="179"/>
        <source>Elsewhere (Stripe)</source>
        <translation>在别处（Stripe）</translation>
    </message>
    <message>
        <source>Recorded here</source>
        <translation type="vanished">在此记录</translation>
    </message>
    <message>
        <source>Stripe event</source>
        <translation type="vanished">Stripe 事件</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="vanished">审计</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation type="obsolete">退款</translation>
    </message>
</context>
<context>
    <name>PaymentLinksDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="48"/>
        <source>Payment links</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="60"/>
        <source>Print QR code…</source>
        <translation>打印二维码…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="62"/>
        <source>Save QR code…</source>
        <translation>保存二维码…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="64"/>
        <source>Deactivate</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="80"/>
        <source>e.g. Deposit</source>
        <translation>例如：定金</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="83"/>
        <source>Create link</source>
        <translation>创建链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="85"/>
        <source>New link</source>
        <translation>新链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="87"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="88"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="92"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="112"/>
        <source>Stripe could not be asked.</source>
        <translation>无法联系 Stripe。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="159"/>
        <source>Link created: %1</source>
        <translation>已创建链接：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/payment_links.py" line="178"/>
        <source>Save QR code</source>
        <translation>保存二维码</translation>
    </message>
</context>
<context>
    <name>PaymentRequestDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="97"/>
        <source>Request a payment</source>
        <translation>请求付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="125"/>
        <source>Walk-in customer (no customer record)</source>
        <translation>散客（无顾客档案）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="130"/>
        <source>Amount in %1</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="135"/>
        <source>What it is for, e.g. Deposit</source>
        <translation>付款用途，例如：定金</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="140"/>
        <source>Save the card for later payments</source>
        <translation>保存卡片以便日后付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="143"/>
        <source>Only a customer on file can have a saved card.</source>
        <translation>只有已建档的顾客才能保存卡片。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="145"/>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="146"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="147"/>
        <source>For</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="148"/>
        <source>Link open for</source>
        <translation>链接有效期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="154"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="156"/>
        <source>Create link</source>
        <translation>创建链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="171"/>
        <source>%1 minutes</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="173"/>
        <source>1 hour</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="174"/>
        <source>%1 hours</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="177"/>
        <source>Send a link to authenticate</source>
        <translation>发送验证链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="183"/>
        <source>Send link</source>
        <translation>发送链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="212"/>
        <source>Creating the link with Stripe…</source>
        <translation>正在通过 Stripe 创建链接…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="225"/>
        <source>The link could not be created.</source>
        <translation>无法创建链接。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="232"/>
        <source>Stripe refused to create the link.</source>
        <translation>Stripe 拒绝创建链接。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="255"/>
        <source>QR code of the payment link</source>
        <translation>付款链接的二维码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="256"/>
        <source>The customer scans the code with a phone, or opens the link.</source>
        <translation>顾客用手机扫描二维码，或打开链接。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="263"/>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="265"/>
        <source>Send by email…</source>
        <translation>通过电子邮件发送…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="280"/>
        <source>Expire now</source>
        <translation>立即过期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="283"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="315"/>
        <source>The payment is in the customer&apos;s payments and the history.</source>
        <translation>这笔付款已记入顾客的付款记录和历史。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="317"/>
        <source>The link no longer takes payments.</source>
        <translation>该链接不再接受付款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="330"/>
        <source>Time left: %1</source>
        <translation>剩余时间：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="334"/>
        <source>Link copied.</source>
        <translation>已复制链接。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="341"/>
        <source>Payment request: %1</source>
        <translation>付款请求：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="343"/>
        <source>Hello,

please pay %1 for %2 on this secure page:
%3

The link works until %4.

%5</source>
        <translation>您好：

请在以下安全页面支付 %1（%2）：
%3

链接在 %4 之前有效。

%5</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/requests/request_dialog.py" line="371"/>
        <source>The link could not be expired.</source>
        <translation>无法使链接过期。</translation>
    </message>
</context>
<context>
    <name>PaymentTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="80"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="80"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="80"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="80"/>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="121"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/payment_table_model.py" line="122"/>
        <source>Partly refunded (%1)</source>
        <translation>部分退款（%1）</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="34"/>
        <source>New PIN for %1</source>
        <translation>%1 的新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="36"/>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="43"/>
        <source>New PIN</source>
        <translation>新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="37"/>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="44"/>
        <source>New PIN again</source>
        <translation>再次输入新 PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="59"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致。请重新输入相同的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/pin_dialog.py" line="76"/>
        <source>The PIN could not be saved. Try again.</source>
        <translation>无法保存 PIN 码。请重试。</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="35"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="43"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="44"/>
        <source>Clear the PIN (Delete)</source>
        <translation>清除 PIN 码（Delete）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="48"/>
        <source>Take back the last digit (Backspace)</source>
        <translation>删除最后一位（Backspace）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="49"/>
        <source>Backspace</source>
        <translation>退格</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="51"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="55"/>
        <source>Sign in (Enter)</source>
        <translation>登录（Enter）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/pin_pad.py" line="122"/>
        <source>Enter your PIN</source>
        <translation>请输入 PIN 码</translation>
    </message>
</context>
<context>
    <name>ReceiptActions</name>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="68"/>
        <source>Print receipt…</source>
        <translation>打印收据…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="70"/>
        <source>Save receipt as PDF…</source>
        <translation>将收据另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="72"/>
        <source>Email receipt…</source>
        <translation>通过电子邮件发送收据…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="75"/>
        <source>Print refund receipt…</source>
        <translation>打印退款收据…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="76"/>
        <source>Save refund receipt as PDF…</source>
        <translation>将退款收据另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="120"/>
        <source>Receipt printed (a copy).</source>
        <translation>收据已打印（副本）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="121"/>
        <source>Receipt printed.</source>
        <translation>收据已打印。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="135"/>
        <source>Save receipt as PDF</source>
        <translation>将收据另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="135"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="148"/>
        <source>The PDF could not be saved.</source>
        <translation>无法保存 PDF。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="151"/>
        <source>Receipt saved as %1.</source>
        <translation>收据已保存为 %1。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="164"/>
        <source>Email receipt</source>
        <translation>通过电子邮件发送收据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="165"/>
        <source>Stripe emails its receipt of this payment to:</source>
        <translation>Stripe 将这笔付款的收据发送至：</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_actions.py" line="178"/>
        <source>Stripe emails its receipt to %1.</source>
        <translation>Stripe 将收据发送至 %1。</translation>
    </message>
</context>
<context>
    <name>ReceiptDocument</name>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="89"/>
        <source>COPY</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="90"/>
        <source>Receipt</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="91"/>
        <source>Refund receipt</source>
        <translation>退款收据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="92"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="93"/>
        <source>Terminal</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="94"/>
        <source>Served by</source>
        <translation>收银员</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="95"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="96"/>
        <source>Payment ID</source>
        <translation>付款编号</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="97"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="98"/>
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="99"/>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="100"/>
        <source>Refund ID</source>
        <translation>退款编号</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="101"/>
        <source>Paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="102"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_document.py" line="103"/>
        <source>Thank you</source>
        <translation>谢谢惠顾</translation>
    </message>
</context>
<context>
    <name>ReceiptOutboxDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="43"/>
        <source>Emailed receipts (demo)</source>
        <translation>已发送的电子邮件收据（演示）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="46"/>
        <source>In the demo no email leaves this computer: these are the receipts Stripe would have sent.</source>
        <translation>演示模式下不会从这台电脑发出任何电子邮件：以下是 Stripe 本应发送的收据。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="51"/>
        <source>Sent</source>
        <translation>发送时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="51"/>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="51"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="51"/>
        <source>Card</source>
        <translation>卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_outbox_dialog.py" line="52"/>
        <source>Payment ID</source>
        <translation>付款编号</translation>
    </message>
</context>
<context>
    <name>ReceiptPrinter</name>
    <message>
        <location filename="../../src/posdesk/gui/receipts/receipt_printer.py" line="55"/>
        <source>Print receipt</source>
        <translation>打印收据</translation>
    </message>
</context>
<context>
    <name>ReceiptsPage</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="24"/>
        <source>80 mm receipt roll (thermal printer)</source>
        <translation>80 毫米收据卷纸（热敏打印机）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="25"/>
        <source>A4 sheet</source>
        <translation>A4 纸</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="26"/>
        <source>Letter sheet</source>
        <translation>Letter 纸</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="36"/>
        <source>Use the system&apos;s default printer</source>
        <translation>改用系统默认打印机</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="39"/>
        <source>The printer is chosen in the print dialog the first time a receipt is printed here, and used again after that.</source>
        <translation>第一次在本终端打印收据时在打印对话框中选择打印机，之后会继续使用它。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="45"/>
        <source>Receipt paper</source>
        <translation>收据纸张</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="46"/>
        <source>Printer</source>
        <translation>打印机</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/receipts_page.py" line="55"/>
        <source>The system&apos;s default printer</source>
        <translation>系统默认打印机</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="80"/>
        <source>Refund payment</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="104"/>
        <source>Payment of %1 taken %2</source>
        <translation>付款金额 %1，收款时间 %2</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="111"/>
        <source>Reading what is left to refund…</source>
        <translation>正在读取剩余可退金额…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="118"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="118"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="118"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="118"/>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="155"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="134"/>
        <source>Amount to refund</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="135"/>
        <source>Amount in %1</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="142"/>
        <source>Why the money goes back</source>
        <translation>退款原因</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="147"/>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="156"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Optional: kept in the shop&apos;s records, not sent to Stripe</source>
        <translation type="vanished">选填：仅保存在本店记录中，不发送给 Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="149"/>
        <source>Optional, for the shop&apos;s records only</source>
        <translation>选填，仅保存在本店记录中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="153"/>
        <source>Amount (%1)</source>
        <translation>金额（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="168"/>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="319"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="171"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="195"/>
        <source>Open settings</source>
        <translation>打开设置</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="197"/>
        <source>Done  (Enter)</source>
        <translation>完成  (Enter)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="231"/>
        <source>Nothing was paid with this payment, so there is nothing to refund.</source>
        <translation>这笔付款没有实际收到款项，无可退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="234"/>
        <source>This payment has been refunded in full.</source>
        <translation>这笔付款已全额退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="237"/>
        <source>Left to refund: %1 (refunded so far: %2)</source>
        <translation>剩余可退：%1（已退：%2）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="240"/>
        <source>Left to refund: %1</source>
        <translation>剩余可退：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="281"/>
        <source>What is left to refund could not be read.</source>
        <translation>无法读取剩余可退金额。请关闭后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="297"/>
        <source>Type an amount above zero.</source>
        <translation>请输入大于零的金额。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="299"/>
        <source>Only %1 is left to refund.</source>
        <translation>仅剩 %1 可退。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="318"/>
        <source>Refund %1</source>
        <translation>退款 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="332"/>
        <source>Refunding %1… waiting for Stripe.</source>
        <translation>正在退款 %1… 等待 Stripe 响应。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="368"/>
        <source>Your role (%1) may not refund payments. Nothing was refunded.</source>
        <translation>您的角色（%1）无权退款。未退款。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/payments/refund_dialog.py" line="403"/>
        <source>Waiting for Stripe&apos;s answer; this cannot be canceled now.</source>
        <translation>正在等待 Stripe 响应，现在无法取消。</translation>
    </message>
</context>
<context>
    <name>ResultActions</name>
    <message>
        <location filename="../../src/posdesk/gui/payments/result_actions.py" line="48"/>
        <source>Refund…</source>
        <translation>退款…</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="57"/>
        <source>Stripe code: %1</source>
        <translation>Stripe 代码：%1</translation>
    </message>
</context>
<context>
    <name>Sentences</name>
    <message>
        <location filename="../../src/posdesk/gui/formatting.py" line="84"/>
        <source>%1 %2</source>
        <comment>two sentences one after the other</comment>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="98"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="103"/>
        <source>PosDesk talks to Stripe with your account&apos;s API key. Use a restricted key (it starts with rk_): create one in the Stripe Dashboard under Developers → API keys → Create restricted key, with write access to Customers, PaymentIntents, PaymentMethods and SetupIntents and read access to Events. A secret key (sk_) works too but can do anything on the account.</source>
        <translation>PosDesk 使用您账户的 API 密钥与 Stripe 通信。请使用受限密钥（以 rk_ 开头）：在 Stripe 管理平台的“开发人员 → API 密钥 → 创建受限密钥”中创建，授予 Customers、PaymentIntents、PaymentMethods 和 SetupIntents 的写入权限，以及 Events 的读取权限。私密密钥（sk_）也能用，但它可以对账户执行任何操作。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="117"/>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="164"/>
        <source>Restricted or secret key</source>
        <translation>受限密钥或私密密钥</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="122"/>
        <source>whsec_… (optional)</source>
        <translation>whsec_…（选填）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="131"/>
        <source>Ask for the card&apos;s security code (CVC) before charging a saved card</source>
        <translation>向已保存的卡扣款前，先询问卡的安全码（CVC）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="139"/>
        <source>Also receive webhooks (needs the webhook signing secret)</source>
        <translation>同时接收 Webhook（需要 Webhook 签名密钥）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="144"/>
        <source>127.0.0.1 for this computer only; this computer&apos;s LAN address to accept webhooks forwarded by the store&apos;s network</source>
        <translation>127.0.0.1 表示仅限本机；填本机的局域网地址，则可接收门店网络转发来的 Webhook</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="165"/>
        <source>Publishable key</source>
        <translation>可发布密钥</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="166"/>
        <source>Webhook signing secret</source>
        <translation>Webhook 签名密钥</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="169"/>
        <source>Webhook address</source>
        <translation>Webhook 地址</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="170"/>
        <source>Webhook port</source>
        <translation>Webhook 端口</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="181"/>
        <source>Check and save</source>
        <translation>验证并保存</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="186"/>
        <source>Cancel  (Esc)</source>
        <translation>取消  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="199"/>
        <source>Stripe</source>
        <translation>Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="202"/>
        <source>Shop</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="203"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="200"/>
        <source>Terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="201"/>
        <source>Store</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="204"/>
        <source>Receipts</source>
        <translation>收据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="205"/>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="210"/>
        <source>Only a manager can change the settings. You can look at them; ask a manager to make a change.</source>
        <translation>只有经理可以更改设置。您可以查看；如需更改，请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="246"/>
        <source>Only a manager can save</source>
        <translation>只有经理可以保存</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="294"/>
        <source>A key is already saved in the system keyring. Enter a new one to replace it, or leave the field empty to keep it.</source>
        <translation>系统密钥环中已保存一个密钥。输入新密钥可将其替换；留空则保留原密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="298"/>
        <source>No key is saved yet.</source>
        <translation>尚未保存密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="317"/>
        <source>LIVE mode: charges move real money.</source>
        <translation>正式模式：扣款涉及真实资金。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="319"/>
        <source>Test mode: no real money moves.</source>
        <translation>测试模式：不涉及真实资金。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="322"/>
        <source>Tip: a restricted key (rk_) is safer than a secret key.</source>
        <translation>提示：受限密钥（rk_）比私密密钥更安全。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="328"/>
        <source>The publishable key is from the other mode.</source>
        <translation>可发布密钥与私密密钥不属于同一模式（测试/正式）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="352"/>
        <source>The secret and publishable keys must both be test keys or both be live keys.</source>
        <translation>私密密钥和可发布密钥必须同为测试密钥或同为正式密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="357"/>
        <source>The webhook address must be an IP address of this computer, such as 127.0.0.1 or 192.168.1.20.</source>
        <translation>Webhook 地址必须是本机的 IP 地址，例如 127.0.0.1 或 192.168.1.20。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="370"/>
        <source>Wait until the store switch has finished.</source>
        <translation>请等待数据库切换完成。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="401"/>
        <source>The shop&apos;s settings could not be saved. Nothing was changed.</source>
        <translation>无法保存门店设置。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="406"/>
        <source>Your role (%1) may not change the settings. Ask a manager.</source>
        <translation>您的角色（%1）无权更改设置。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="420"/>
        <source>Enter the restricted or secret key.</source>
        <translation>请输入受限密钥或私密密钥。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="426"/>
        <source>Checking the key with Stripe…</source>
        <translation>正在向 Stripe 验证密钥…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="453"/>
        <source>The key could not be checked. Nothing was saved.</source>
        <translation>无法验证密钥。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="467"/>
        <source>The key could not be checked: Stripe did not answer. Nothing was saved. Check the internet connection and try again.</source>
        <translation>无法验证密钥：Stripe 没有响应。未保存任何内容。请检查网络连接后重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="507"/>
        <source>The settings file could not be written, so no setting changed and no key was saved. Check that the disk is not full or read-only.</source>
        <translation>无法写入设置文件，因此设置未更改，密钥也未保存。请检查磁盘是否已满或为只读。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="512"/>
        <source>The settings could not be saved. Nothing was changed.</source>
        <translation>无法保存设置。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/settings_dialog.py" line="526"/>
        <source>The keys could not be saved. Nothing was changed.</source>
        <translation>无法保存密钥。未做任何更改。</translation>
    </message>
</context>
<context>
    <name>SettleTimer</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/settle_timer.py" line="76"/>
        <source>Earlier refunds checked with Stripe: %1.</source>
        <translation>已向 Stripe 核实之前的退款：%1 笔。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/settle_timer.py" line="81"/>
        <source>Earlier payments checked with Stripe: %1.</source>
        <translation>已向 Stripe 核实之前的付款：%1 笔。</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="50"/>
        <source>These settings belong to the shop: every terminal using this store shares them. Changes are recorded in the audit log.</source>
        <translation>这些设置属于整个门店：使用此数据库的所有终端共用。更改会记录在审计日志中。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="58"/>
        <source>As printed on receipts</source>
        <translation>与收据上打印的一致</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="61"/>
        <source>Street, town, postcode (several lines)</source>
        <translation>街道、城镇、邮编（可多行）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="63"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="104"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="67"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="105"/>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="71"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="106"/>
        <source>Language and region</source>
        <translation>语言和地区</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="76"/>
        <source>Each terminal&apos;s own clock</source>
        <translation>按各终端自己的时钟</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="79"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="107"/>
        <source>Time zone of the business day</source>
        <translation>营业日所用时区</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="82"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="83"/>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="84"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="108"/>
        <source>Lock an idle terminal after</source>
        <translation>终端空闲多久后锁定</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="86"/>
        <source>Empty: never ask</source>
        <translation>留空：无需经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="87"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="109"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="174"/>
        <source>Charges above this need a manager</source>
        <translation>超过此金额的扣款需经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="90"/>
        <source>Empty: always ask</source>
        <translation>留空：始终需经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="91"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="110"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="176"/>
        <source>Refunds above this need a manager</source>
        <translation>超过此金额的退款需经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="93"/>
        <source>Empty: every amount typed once</source>
        <translation>留空：所有金额只输入一次</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="95"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="111"/>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="179"/>
        <source>Charges above this are typed twice</source>
        <translation>超过此金额的扣款须输入两次</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="97"/>
        <source>Removing a saved card needs a manager&apos;s approval</source>
        <translation>移除已保存的卡需经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="98"/>
        <source>Reading the shop&apos;s settings…</source>
        <translation>正在读取门店设置…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="103"/>
        <source>Shop name</source>
        <translation>门店名称</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/shop_page.py" line="148"/>
        <source>The shop&apos;s settings could not be read from the store.</source>
        <translation>无法从数据库读取门店设置。</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Manager</source>
        <translation type="vanished">经理</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation type="vanished">收银员</translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="vanished">客服</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="85"/>
        <source>Who is signing in?</source>
        <translation>谁要登录？</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="89"/>
        <source>Choose your name, then enter your PIN.</source>
        <translation>请选择您的姓名，然后输入 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="133"/>
        <source>No one can sign in: every account is switched off. A manager&apos;s account must be switched on again in the store&apos;s database.</source>
        <translation>无人可以登录：所有账户都已停用。必须在数据库中重新启用一个经理账户。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="143"/>
        <source>Demo PINs — %1</source>
        <translation>演示 PIN 码 — %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="195"/>
        <source>Not you? Choose another person  (Esc)</source>
        <translation>不是您？选择其他人  (Esc)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="230"/>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="248"/>
        <source>The PIN could not be checked: the store did not answer. Try again.</source>
        <translation>无法验证 PIN 码：数据库没有响应。请重试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="265"/>
        <source>Wait %1 s before the next try.</source>
        <translation>请等待 %1 秒后再试。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_page.py" line="275"/>
        <source>You can try again now.</source>
        <translation>现在可以重试了。</translation>
    </message>
</context>
<context>
    <name>SignInScreen</name>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_screen.py" line="33"/>
        <location filename="../../src/posdesk/gui/signin/sign_in_screen.py" line="64"/>
        <source>Loading the staff…</source>
        <translation>正在加载员工…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_screen.py" line="37"/>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/sign_in_screen.py" line="90"/>
        <source>The staff list could not be read: the store did not answer. Check the network, then try again.</source>
        <translation>无法读取员工列表：数据库没有响应。请检查网络，然后重试。</translation>
    </message>
</context>
<context>
    <name>StaffAccountDialog</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="69"/>
        <source>Add a member of staff</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="70"/>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="85"/>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="100"/>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="86"/>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="101"/>
        <source>PIN again</source>
        <translation>再次输入 PIN 码</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="87"/>
        <source>%1 to %2 digits; the person can change it later.</source>
        <translation>%1 到 %2 位数字；本人之后可以修改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="96"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="97"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="118"/>
        <source>May: %1.</source>
        <translation>权限：%1。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="127"/>
        <source>The two PINs differ. Type the same PIN twice.</source>
        <translation>两次输入的 PIN 码不一致。请重新输入相同的 PIN 码。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="143"/>
        <source>The account could not be saved. Try again.</source>
        <translation>无法保存账户。请重试。</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="49"/>
        <source>Everyone who works the tills signs in with their own PIN. Cashiers take payments; support staff look up customers and remove cards; managers do everything and approve what goes above the shop&apos;s limits.</source>
        <translation>每位在收银台工作的人都用自己的 PIN 码登录。收银员负责收款；客服负责查找客户和移除卡；经理可执行所有操作，并批准超出门店限额的操作。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="58"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="58"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="58"/>
        <source>Can sign in</source>
        <translation>可登录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="59"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="73"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="74"/>
        <source>Change name or role…</source>
        <translation>修改姓名或角色…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="75"/>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="155"/>
        <source>Switch off</source>
        <translation>停用</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="76"/>
        <source>Set PIN…</source>
        <translation>设置 PIN 码…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="88"/>
        <source>Only a manager can see and change the staff. Ask a manager.</source>
        <translation>只有经理可以查看和更改员工。请联系经理。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="130"/>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="130"/>
        <source>No (switched off)</source>
        <translation>否（已停用）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="140"/>
        <source>The staff could not be read from the store.</source>
        <translation>无法从数据库读取员工列表。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="154"/>
        <source>Switch on</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_page.py" line="196"/>
        <source>The account could not be changed. Try again.</source>
        <translation>无法更改账户。请重试。</translation>
    </message>
</context>
<context>
    <name>StaffRoles</name>
    <message>
        <source>Cashier</source>
        <translation type="vanished">收银员</translation>
    </message>
    <message>
        <source>Support</source>
        <translation type="vanished">客服</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation type="vanished">经理</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="34"/>
        <source>looks up customers, charges and takes new cards</source>
        <translation>查找客户、扣款、添加新卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="35"/>
        <source>looks up customers, removes cards, resends receipts</source>
        <translation>查找客户、移除卡、重发收据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/staff_account_dialog.py" line="37"/>
        <source>everything, and approves others&apos; operations</source>
        <translation>所有操作，并批准他人的操作</translation>
    </message>
</context>
<context>
    <name>StartRefused</name>
    <message>
        <location filename="../../src/posdesk/gui/app.py" line="315"/>
        <source>PosDesk is not starting</source>
        <translation>PosDesk 无法启动</translation>
    </message>
</context>
<context>
    <name>StartingWindow</name>
    <message>
        <location filename="../../src/posdesk/gui/app.py" line="129"/>
        <source>PosDesk</source>
        <translation>PosDesk</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/app.py" line="131"/>
        <source>Starting PosDesk…</source>
        <translation>正在启动 PosDesk…</translation>
    </message>
</context>
<context>
    <name>StorePanel</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="95"/>
        <source>POSDESK_DATABASE_URL is set on this computer: it chooses the store while it is set, whatever is chosen here.</source>
        <translation>本机设置了 POSDESK_DATABASE_URL：只要设置了它，就由它决定使用哪个数据库，此处的选择不起作用。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="100"/>
        <source>SQLite on this computer (one terminal)</source>
        <translation>本机上的 SQLite（单个终端）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="102"/>
        <source>PostgreSQL, shared by several terminals</source>
        <translation>PostgreSQL，多个终端共用</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="110"/>
        <source>PostgreSQL URL</source>
        <translation>PostgreSQL URL</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="113"/>
        <source>No password in the URL: settings are a plain file. Put the password in ~/.pgpass (on Windows %APPDATA%\postgresql\pgpass.conf) or in the PGPASSWORD environment variable; PostgreSQL finds it there.</source>
        <translation>URL 中不要包含密码：设置保存在普通文件中。请将密码放入 ~/.pgpass（Windows 上为 %APPDATA%\postgresql\pgpass.conf）或 PGPASSWORD 环境变量；PostgreSQL 会从那里读取。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="126"/>
        <source>Test and switch</source>
        <translation>测试并切换</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="164"/>
        <source>In the demo, choose the store on the command line: posdesk --demo --store postgresql://…</source>
        <translation>演示时，请在命令行中选择数据库：posdesk --demo --store postgresql://…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="183"/>
        <source>This terminal uses: SQLite on this computer (%1)</source>
        <translation>本终端使用：本机上的 SQLite（%1）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="185"/>
        <source>This terminal uses: PostgreSQL at %1</source>
        <translation>本终端使用：位于 %1 的 PostgreSQL</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="203"/>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="215"/>
        <source>This terminal already uses this store.</source>
        <translation>本终端已在使用此数据库。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="218"/>
        <source>SQLite on this computer</source>
        <translation>本机上的 SQLite</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="235"/>
        <source>This terminal&apos;s data</source>
        <translation>本终端的数据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="236"/>
        <source>Copy this terminal&apos;s data into the PostgreSQL store?</source>
        <translation>要将本终端的数据复制到 PostgreSQL 数据库吗？</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="238"/>
        <source>customers: %1 · payments: %2 · audit entries: %3</source>
        <translation>客户：%1 · 付款：%2 · 审计条目：%3</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="244"/>
        <source>This computer&apos;s store holds</source>
        <translation>本机数据库中有</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="245"/>
        <source>Copy: they are added to the PostgreSQL store; what it already holds is kept as it is, and nothing is copied twice.</source>
        <translation>复制：这些数据将添加到 PostgreSQL 数据库；其中已有的数据保持不变，也不会重复复制。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="247"/>
        <source>Start fresh: the PostgreSQL store is used as it is; this computer&apos;s data stays in its local file, untouched.</source>
        <translation>全新开始：按原样使用 PostgreSQL 数据库；本机的数据保留在本地文件中，不做改动。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="251"/>
        <source>Copy this terminal&apos;s data</source>
        <translation>复制本终端的数据</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="254"/>
        <source>Start fresh</source>
        <translation>全新开始</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="276"/>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="290"/>
        <source>Rows copied: %1.</source>
        <translation>已复制 %1 行。</translation>
    </message>
    <message>
        <source>Rows not copied because the store holds a different row with the same payment or key: %1 (the log names them).</source>
        <translation type="vanished">因数据库中已有相同付款或密钥的不同记录而未复制的行：%1（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="293"/>
        <source>Rows not copied because the store holds a different row with the same payment, key or closed day: %1 (the log names them).</source>
        <translation>因数据库中已有相同付款、键值或日结日期的不同记录而未复制的行：%1（详见日志）。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="298"/>
        <source>The PostgreSQL store had already closed these days differently and keeps its own Z reports: %1.</source>
        <translation>PostgreSQL 数据库中这些日期已有不同的日结，保留其自己的 Z 报表：%1。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="304"/>
        <source>the whole store</source>
        <translation>全店</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="304"/>
        <source>one terminal</source>
        <translation>单个终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="316"/>
        <source>The settings file could not be written, so the store was not changed. Check that the disk is not full or read-only.</source>
        <translation>无法写入设置文件，因此数据库未更改。请检查磁盘是否已满或为只读。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="321"/>
        <source>Restart PosDesk to use %1. Until then this window keeps using the store it started with.</source>
        <translation>请重启 PosDesk 以使用 %1。在此之前，此窗口仍使用启动时的数据库。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="333"/>
        <source>PostgreSQL did not accept the connection: %1</source>
        <translation>PostgreSQL 拒绝了连接：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="337"/>
        <source>Only a manager can change the store. Nothing was changed.</source>
        <translation>只有经理可以更改数据库。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="341"/>
        <source>The store could not be prepared (see the log). Nothing was changed.</source>
        <translation>无法准备数据库（详见日志）。未做任何更改。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="361"/>
        <source>Enter the store&apos;s URL, such as postgresql://posdesk@db-server/posdesk.</source>
        <translation>请输入数据库的 URL，例如 postgresql://posdesk@db-server/posdesk。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="363"/>
        <source>This is not a PostgreSQL URL: write it as postgresql://user@host/database.</source>
        <translation>这不是 PostgreSQL URL：请写成 postgresql://user@host/database。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="365"/>
        <source>The URL holds a password: leave it out, and put it in ~/.pgpass or PGPASSWORD as described above.</source>
        <translation>URL 中含有密码：请删去密码，并按上文所述将其放入 ~/.pgpass 或 PGPASSWORD。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="368"/>
        <source>Name the database at the end: postgresql://user@host/database.</source>
        <translation>请在末尾写上数据库名：postgresql://user@host/database。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="374"/>
        <source>Connecting to PostgreSQL…</source>
        <translation>正在连接 PostgreSQL…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="376"/>
        <source>Bringing the store&apos;s tables up to date…</source>
        <translation>正在更新数据库的表结构…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="379"/>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="380"/>
        <source>saved cards</source>
        <translation>已保存的卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="381"/>
        <source>payments</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="382"/>
        <source>refunds</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="383"/>
        <source>refund requests</source>
        <translation>退款请求</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="384"/>
        <source>payment links</source>
        <translation>付款链接</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="385"/>
        <source>audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="386"/>
        <source>terminals</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="387"/>
        <source>staff accounts</source>
        <translation>员工账户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="388"/>
        <source>shop settings</source>
        <translation>门店设置</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="389"/>
        <source>Z reports</source>
        <translation>Z 报表</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/store_panel.py" line="392"/>
        <source>Copying %1: %2 of %3…</source>
        <translation>正在复制 %1：%2 / %3…</translation>
    </message>
</context>
<context>
    <name>SyncStatusLabel</name>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="53"/>
        <source>up to date</source>
        <translation>已是最新</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="55"/>
        <source>%1 s behind</source>
        <translation>落后 %1 秒</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="57"/>
        <source>%1 min behind</source>
        <translation>落后 %1 分钟</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="60"/>
        <source>%1 h behind</source>
        <translation>落后 %1 小时</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="62"/>
        <source>%1 days behind</source>
        <translation>落后 %1 天</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="142"/>
        <source>Sync: by %1</source>
        <translation>同步：由 %1 负责</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="143"/>
        <source>Sync: by another terminal</source>
        <translation>同步：由另一台终端负责</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="145"/>
        <source>Sync: catching up</source>
        <translation>同步：正在补齐</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="148"/>
        <source>Sync: webhooks + polling</source>
        <translation>同步：Webhook + 轮询</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="150"/>
        <source>Sync: polling (webhook relay could not start)</source>
        <translation>同步：轮询（Webhook 中继无法启动）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="151"/>
        <source>Sync: polling</source>
        <translation>同步：轮询</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="153"/>
        <source>Sync: starting…</source>
        <translation>同步：正在启动…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="154"/>
        <source>Sync: stopped</source>
        <translation>同步：已停止</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="159"/>
        <source>retrying automatically</source>
        <translation>将自动重试</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="162"/>
        <source>retrying now…</source>
        <translation>正在重试…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="164"/>
        <source>retrying in %1 s</source>
        <translation>%1 秒后重试</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="165"/>
        <source>retrying in %1 min</source>
        <translation>%1 分钟后重试</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="170"/>
        <source>Sync: Stripe unreachable, %1</source>
        <translation>同步：无法连接 Stripe，%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="172"/>
        <source>Sync: Stripe is busy, %1</source>
        <translation>同步：Stripe 繁忙，%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="174"/>
        <source>Sync: the Stripe key was not accepted; check the settings (Ctrl+,)</source>
        <translation>同步：Stripe 密钥未被接受；请检查设置（Ctrl+,）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="175"/>
        <source>Sync: %1</source>
        <translation>同步：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="184"/>
        <source>last event %1</source>
        <translation>最近事件 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="189"/>
        <source>caught up %1</source>
        <translation>补齐于 %1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="201"/>
        <source>Another terminal of this shop keeps the store in step with Stripe; this one takes over if it stops.</source>
        <translation>本店另一台终端负责让数据库与 Stripe 保持同步；如果它停止，由本终端接手。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="204"/>
        <source>Webhooks are received at %1</source>
        <translation>Webhook 接收地址：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/shell/sync_status.py" line="206"/>
        <source>The webhook relay could not start (%1); polling only.</source>
        <translation>Webhook 中继无法启动（%1）；仅使用轮询。</translation>
    </message>
</context>
<context>
    <name>TerminalTableModel</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="52"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="52"/>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="52"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="52"/>
        <source>Last seen</source>
        <translation>最后在线</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="53"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="61"/>
        <source>now</source>
        <translation>刚刚</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="63"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n 分钟前</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="65"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n 小时前</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="78"/>
        <source>%1 (this terminal)</source>
        <translation>%1（本终端）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="86"/>
        <source>Live</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminal_table_model.py" line="86"/>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
</context>
<context>
    <name>TerminalsPanel</name>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="49"/>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="78"/>
        <source>Terminal name</source>
        <translation>终端名称</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="51"/>
        <source>How this computer appears in the store&apos;s list of terminals, e.g. “Till 1” or “Back office”. Empty: the computer&apos;s name.</source>
        <translation>本机在数据库终端列表中的显示名称，例如“1 号收银台”或“后台办公室”。留空则使用计算机名。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="58"/>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="63"/>
        <source>Terminals using this store</source>
        <translation>使用此数据库的终端</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="73"/>
        <source>Reading the terminals…</source>
        <translation>正在读取终端列表…</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="119"/>
        <source>A manager can see the store&apos;s terminals here.</source>
        <translation>经理可以在此查看使用此数据库的终端。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="131"/>
        <source>No terminal has registered in this store yet.</source>
        <translation>尚无终端在此数据库中注册。</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="134"/>
        <source>Live now: %1</source>
        <translation>当前在线：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="135"/>
        <source>a terminal is offline once not seen for %1 seconds</source>
        <translation>超过 %1 秒未出现的终端视为离线</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/settings/terminals_panel.py" line="143"/>
        <source>The list of terminals could not be read from the store.</source>
        <translation>无法从数据库读取终端列表。</translation>
    </message>
</context>
<context>
    <name>TillLock</name>
    <message>
        <source>Lock</source>
        <translation type="vanished">锁定</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="125"/>
        <source>Lock the till; your work waits for your PIN (Ctrl+L)</source>
        <translation>锁定收银台；输入您的 PIN 码即可继续工作（Ctrl+L）</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation type="vanished">切换用户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="123"/>
        <source>Loc&amp;k</source>
        <translation>锁定(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="128"/>
        <source>S&amp;witch user</source>
        <translation>切换用户(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="130"/>
        <source>Let someone else sign in (Ctrl+Shift+L)</source>
        <translation>让其他人登录（Ctrl+Shift+L）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="139"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="158"/>
        <source>Signed in: %1 (%2)</source>
        <translation>已登录：%1（%2）</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="161"/>
        <source>Locked — %1&apos;s work is waiting</source>
        <translation>已锁定 — %1 的工作待继续</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="164"/>
        <source>Nobody signed in</source>
        <translation>无人登录</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/signin/till_lock.py" line="199"/>
        <source>The till locks as soon as the payment in progress has its answer.</source>
        <translation>当前付款有结果后，收银台将立即锁定。</translation>
    </message>
</context>
<context>
    <name>TimelineWords</name>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="49"/>
        <source>Stripe: payment created</source>
        <translation>Stripe：付款已创建</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="50"/>
        <source>Stripe: payment processing</source>
        <translation>Stripe：付款处理中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="51"/>
        <source>Stripe: customer must authenticate</source>
        <translation>Stripe：需客户验证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="53"/>
        <source>Stripe: payment authorized</source>
        <translation>Stripe：付款已预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="55"/>
        <source>Stripe: payment partly funded</source>
        <translation>Stripe：付款已部分到账</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="57"/>
        <source>Stripe: payment succeeded</source>
        <translation>Stripe：付款成功</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="58"/>
        <source>Stripe: payment failed</source>
        <translation>Stripe：付款失败</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="59"/>
        <source>Stripe: payment canceled</source>
        <translation>Stripe：付款已取消</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="60"/>
        <source>Stripe: charge pending</source>
        <translation>Stripe：扣款处理中</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="61"/>
        <source>Stripe: card charged</source>
        <translation>Stripe：已扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="62"/>
        <source>Stripe: charge failed</source>
        <translation>Stripe：扣款失败</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="63"/>
        <source>Stripe: payment captured</source>
        <translation>Stripe：已请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="64"/>
        <source>Stripe: authorization expired</source>
        <translation>Stripe：预授权已过期</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="65"/>
        <source>Stripe: charge updated</source>
        <translation>Stripe：扣款信息已更新</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="66"/>
        <source>Stripe: payment refunded</source>
        <translation>Stripe：付款已退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="67"/>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="69"/>
        <source>Stripe: refund updated</source>
        <translation>Stripe：退款已更新</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="68"/>
        <source>Stripe: refund created</source>
        <translation>Stripe：退款已创建</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="70"/>
        <source>Stripe: refund failed</source>
        <translation>Stripe：退款失败</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="114"/>
        <source>Charged a saved card</source>
        <translation>用已保存的卡扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="115"/>
        <source>Charged a saved card with its security code</source>
        <translation>用已保存的卡并输入安全码扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="117"/>
        <source>Card entry opened</source>
        <translation>已打开卡信息录入</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="118"/>
        <source>Asked to save the card</source>
        <translation>询问是否保存此卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="119"/>
        <source>Card tried at the counter</source>
        <translation>客户在柜台试卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="120"/>
        <source>Card entry checked with Stripe</source>
        <translation>已向 Stripe 核实卡信息录入结果</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="121"/>
        <source>Card entry closed</source>
        <translation>卡信息录入已关闭</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="122"/>
        <source>Card payment at the counter</source>
        <translation>柜台录入卡信息付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="123"/>
        <source>Customer authentication opened</source>
        <translation>已打开客户验证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="125"/>
        <source>Customer authentication</source>
        <translation>客户验证</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="126"/>
        <source>Security code entry opened</source>
        <translation>已打开安全码输入</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="127"/>
        <source>Payment checked with Stripe</source>
        <translation>已向 Stripe 核实付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="128"/>
        <source>Payment opened</source>
        <translation>已打开付款详情</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="129"/>
        <source>Refund requested</source>
        <translation>已申请退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="130"/>
        <source>Refund checked with Stripe</source>
        <translation>已向 Stripe 核实退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="131"/>
        <source>Refunds looked up</source>
        <translation>查看退款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="132"/>
        <source>Manager approval</source>
        <translation>经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="133"/>
        <source>Capture</source>
        <translation>请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="134"/>
        <source>Authorization release</source>
        <translation>撤销预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="135"/>
        <source>Capture checked with Stripe</source>
        <translation>已向 Stripe 核实请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="136"/>
        <source>Open authorizations looked up</source>
        <translation>查看未完成的预授权</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="137"/>
        <source>Receipt preview</source>
        <translation>收据预览</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="138"/>
        <source>Receipt printed</source>
        <translation>收据已打印</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="139"/>
        <source>Receipt saved as PDF</source>
        <translation>收据已保存为 PDF</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="140"/>
        <source>Receipt emailed</source>
        <translation>收据已通过电子邮件发送</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="141"/>
        <source>Receipt emailed again</source>
        <translation>收据已再次通过电子邮件发送</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="142"/>
        <source>Payment request created</source>
        <translation>已创建付款请求</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="143"/>
        <source>Sent as a link to authenticate</source>
        <translation>已作为验证链接发送</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="145"/>
        <source>Payment request ended</source>
        <translation>付款请求已结束</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="146"/>
        <source>Payment request looked up</source>
        <translation>查看付款请求</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="151"/>
        <source>Payment recorded here</source>
        <translation>在此记录付款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="158"/>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="166"/>
        <source>Stripe: %1</source>
        <translation>Stripe：%1</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="199"/>
        <source>Waiting for a card</source>
        <translation>等待客户提供卡</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="200"/>
        <source>Waiting to be confirmed</source>
        <translation>等待确认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="207"/>
        <source>Captured</source>
        <translation>已请款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="208"/>
        <source>Released, nothing taken</source>
        <translation>已撤销，未扣款</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="209"/>
        <source>Not confirmed yet</source>
        <translation>尚未确认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="216"/>
        <source>Not allowed</source>
        <translation>无权操作</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="217"/>
        <source>Needed a manager&apos;s approval</source>
        <translation>需经理批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="218"/>
        <source>Needed a confirmation</source>
        <translation>需确认</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="219"/>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="220"/>
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="221"/>
        <source>Started</source>
        <translation>已开始</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="222"/>
        <source>Customer agreed</source>
        <translation>客户已同意</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="223"/>
        <source>Declined</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="224"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="225"/>
        <source>Abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="226"/>
        <source>Canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="227"/>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="228"/>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="229"/>
        <source>Stripe could not be reached</source>
        <translation>无法连接 Stripe</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="230"/>
        <source>Stripe was busy</source>
        <translation>Stripe 繁忙</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="231"/>
        <source>Stripe set-up problem</source>
        <translation>Stripe 设置有误</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="232"/>
        <source>Stripe refused the request</source>
        <translation>Stripe 拒绝了请求</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="233"/>
        <source>Wrong PIN</source>
        <translation>PIN 码错误</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="234"/>
        <source>No such staff account</source>
        <translation>无此员工账户</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="235"/>
        <source>Too many tries: had to wait</source>
        <translation>尝试次数过多：需等待</translation>
    </message>
    <message>
        <location filename="../../src/posdesk/gui/history/timeline_words.py" line="298"/>
        <source>%1 refunded in all</source>
        <translation>累计已退款 %1</translation>
    </message>
</context>
</TS>
