"""Small constructors for StreamField values, so demo articles read like text."""

from __future__ import annotations


def heading(text: str, anchor: str = "") -> tuple[str, dict]:
    return ("heading", {"heading": text, "anchor": anchor})


def para(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))


def steps(introduction: str, items: list[tuple[str, str]]) -> tuple[str, dict]:
    return (
        "numbered_steps",
        {"introduction": introduction, "steps": [{"title": t, "text": x} for t, x in items]},
    )


def bullets(introduction: str, items: list[str]) -> tuple[str, dict]:
    return ("bullet_list", {"introduction": introduction, "items": items})


def takeaways(items: list[str]) -> tuple[str, dict]:
    return ("key_takeaways", {"title": "Key takeaways", "items": items})


def callout(kind: str, title: str, text: str) -> tuple[str, dict]:
    return ("callout", {"kind": kind, "title": title, "text": f"<p>{text}</p>"})


def table(caption: str, rows: list[list[str]]) -> tuple[str, dict]:
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "data": rows,
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "table_caption": "",
            },
        },
    )


def faq(items: list[tuple[str, str]], title: str = "Frequently asked questions") -> tuple[str, dict]:
    return ("faq", {"title": title, "items": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in items]})


def story(text: str, attribution: str) -> tuple[str, dict]:
    return ("quote", {"kind": "story", "text": text, "attribution": attribution})


def helpline_cta(helpline_key: str, text: str) -> tuple[str, dict]:
    """`helpline_key` is resolved to a Helpline by the loader."""
    return ("helpline_cta", {"helpline": helpline_key, "text": text})
