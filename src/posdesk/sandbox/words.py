"""The words of the sandbox's own pages in the languages it speaks besides English.

Stripe shows its Elements, its 3D Secure page and its hosted Checkout page in the customer's
language: Stripe.js's `Stripe(pk, {locale})` (`'auto'`: the browser's), a Checkout Session's
`locale` (the same). The sandbox's stand-ins do the same from this one table, keyed by the
English they show; the frames and the hosted page's script read it as `/js/v3/words.js`.
PosDesk's own catalogues (resources/i18n) are not used: these pages stand in for Stripe's.
"""

from __future__ import annotations

import json

WORDS: dict[str, dict[str, str]] = {
    "zh": {
        # The Payment Element and the cardCvc field (static/payment_frame.html, cvc_frame.html,
        # frame.js).
        "Card": "银行卡",
        "Card number": "卡号",
        "Expiration date": "有效期",
        "Security code": "安全码",
        "Postal code": "邮政编码",
        "(optional)": "（选填）",
        "CVC": "安全码",
        "Sandbox test mode: use a Stripe test card.": "沙盒测试模式：请使用 Stripe 测试卡。",
        "Your card number is incomplete.": "您的卡号不完整。",
        "Your card number is invalid.": "您的卡号无效。",
        "Your card's expiration date is incomplete.": "您的银行卡有效期不完整。",
        "Your card's expiration date is invalid.": "您的银行卡有效期无效。",
        "Your card's expiration year is in the past.": "您的银行卡有效期年份已过。",
        "Your card's expiration date is in the past.": "您的银行卡已过期。",
        "Your card's expiration year is invalid.": "您的银行卡有效期年份无效。",
        "Your card's security code is incomplete.": "您的银行卡安全码不完整。",
        "Your postal code is incomplete.": "您的邮政编码不完整。",
        "We could not reach the payment server. Check the connection.":
            "无法连接支付服务器。请检查网络连接。",
        "Something went wrong in the card form.": "银行卡表单出错了。",
        # The 3D Secure challenge (static/challenge_frame.html, frame.js).
        "Sandbox Bank · 3D Secure": "沙盒银行 · 3D Secure 验证",
        "Confirm this purchase": "确认此笔购买",
        "The sandbox stands in for the card issuer. Choose how the authentication ends.":
            "沙盒代替发卡银行。请选择验证的结果。",
        "Payment": "付款",
        "Complete": "完成",
        "Fail": "失败",
        "This challenge is not valid.": "此验证无效。",
        "Authenticating…": "正在验证…",
        "Failing…": "正在结束验证…",
        # The hosted Checkout page (checkout_page.py, static/checkout_page.js).
        "Sandbox: test mode": "沙盒：测试模式",
        "Pay %1": "支付 %1",
        "This payment is complete. Thank you!": "此笔付款已完成。谢谢！",
        "This payment link has expired. Ask the shop for a new one.":
            "此付款链接已过期。请向商家索取新的链接。",
        "This payment link is no longer active.": "此付款链接已停用。",
        "No such page.": "没有这个页面。",
        "Payment failed.": "付款失败。",
        "This payment could not be completed.": "此笔付款无法完成。",
        "Payment received. Thank you!": "已收到付款。谢谢！",
        "The payment was not completed.": "付款未完成。",
        # Card errors the API answers (cards.py DECLINE_MESSAGES, payment_methods.py), shown
        # by the hosted page as Stripe's Checkout shows them.
        "Your card was declined.": "您的银行卡被拒绝。",
        "Your card has insufficient funds.": "您的银行卡余额不足。",
        "Your card has expired.": "您的银行卡已过期。",
        "Your card's security code is incorrect.": "您的银行卡安全码不正确。",
        "Your card's security code is invalid.": "您的银行卡安全码无效。",
        "Your card number is incorrect.": "您的卡号不正确。",
        "Your card's expiration month is invalid.": "您的银行卡有效期月份无效。",
        "An error occurred while processing your card. Try again in a little bit.":
            "处理您的银行卡时出错。请稍后再试。",
        "Your card was declined. This transaction requires authentication.":
            "您的银行卡被拒绝。此笔交易需要验证。",
        "The provided PaymentMethod has failed authentication. You can provide "
        "payment_method_data or a new PaymentMethod to attempt to fulfill this "
        "PaymentIntent again.": "验证未通过。请重试或换一张卡。",
    },
}


def language_of(tag: str | None) -> str | None:
    """The language of these pages for a locale or an Accept-Language value ("zh-CN",
    "zh_Hans", "zh-CN,zh;q=0.9,en;q=0.8": "zh"); None for English, "auto" or one the
    sandbox does not speak (its pages show English, as Stripe's do for an unknown one)."""
    if not tag:
        return None
    first = tag.split(",")[0].split(";")[0].strip().replace("_", "-").lower()
    language = first.split("-")[0]
    return language if language in WORDS else None


def say(english: str, language: str | None) -> str:
    """`english` in `language` (English where there is no entry)."""
    return WORDS.get(language or "", {}).get(english, english)


def words_script() -> bytes:
    """`/js/v3/words.js`: the table for the frames' and the hosted page's scripts."""
    return ("window.__sandboxWords = " + json.dumps(WORDS, ensure_ascii=False, sort_keys=True)
            + ";\n").encode("utf-8")
