"""Notice templates are data: one TOML file per document type under ``resources/templates/``.

An office edits the wording there without touching code. A template declares:

- ``code``, ``title``, ``prefix`` (the default number prefix), ``rule`` (the rule it serves);
- ``[fields]``: each field the text uses, ``name = "label"`` or ``name = {label = "...", list = true,
  required = false}``;
- ``key_fields``: the fields the signature covers (verify.py), in order;
- ``required_parts`` (decisions): fields that must be present and non-empty (R5: reasons, basis,
  measures, removal conditions and procedure, remedies);
- ``body``: one paragraph per line. ``@ `` starts the addressee line (flush left), ``# `` a level-1
  heading (黑体), ``| `` a line with no indent, ``> `` a line set to the right; any other line is a
  paragraph with a two-character indent. ``{field}`` is replaced; a line that is only ``{list}`` gives
  one paragraph per item. ``{office}``, ``{number}`` and ``{date}`` are always available.

A template using an undeclared field, or declaring a field its text never uses, is refused with the
file and field named; so is a context with a missing or unknown field.
"""

from __future__ import annotations

import re
import string
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from credit_desk.domain.errors import ValidationError
from credit_desk.resources_path import resources_dir

BUILTINS = ("office", "number", "date")
# R5/R11: a listing decision or warning letter states all five, or it is not printed.
DECISION_PARTS = ("reasons", "basis", "measures", "removal", "remedies")
DECISION_TYPES = ("listing_decision", "watch_warning")
PART_ZH = {"reasons": "认定理由", "basis": "认定依据", "measures": "惩戒措施",
           "removal": "移出条件和程序", "remedies": "救济途径"}
_MARKS = {"@ ": "addressee", "# ": "heading", "| ": "plain", "> ": "right"}


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    required: bool = True
    is_list: bool = False


@dataclass(frozen=True)
class Template:
    code: str
    title: str
    prefix: str
    rule: str
    fields: dict[str, Field]
    key_fields: tuple[str, ...]
    required_parts: tuple[str, ...]
    body: tuple[str, ...]
    source: str
    signature: bool = True    # the office signs and seals (a form the party signs has no seal)
    text: str = ""            # the TOML as read: stored with each printed document for faithful reprints
    annex: str = ""           # a list field printed as annexes after the signature (GB/T 9704 7.4.2), if any


@dataclass(frozen=True)
class Block:
    kind: str   # addressee | heading | plain | right | para
    text: str


def templates_dir() -> Path:
    return resources_dir() / "templates"


def _refuse(source: str, code: str, zh: str, en: str, field: str | None = None):
    raise ValidationError(code, f"文书模板 {source}：{zh}", f"Template {source}: {en}", field=field)


def _placeholders(text: str, source: str) -> set[str]:
    try:
        parts = [(f, spec, conv) for _, f, spec, conv in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        _refuse(source, "TEMPLATE_SYNTAX", f"花括号不配对（{exc}）。", f"unbalanced braces ({exc}).")
    # A format spec or conversion ({office:>999999999}, {office!r}) is never needed in a notice and could
    # make printing allocate without bound; only plain {field} is allowed (found by fuzzing, issue 10).
    for f, spec, conv in parts:
        if spec or conv:
            _refuse(source, "TEMPLATE_SYNTAX", f"占位符「{{{f}}}」只能写字段名，不能带格式（: 或 !）。",
                    f"the placeholder {{{f}}} may hold a field name only, no ':' or '!' format.", f)
    return {f for f, _, _ in parts}


def _field(name: str, spec, source: str) -> Field:
    if isinstance(spec, str):
        return Field(name, spec)
    if isinstance(spec, dict) and isinstance(spec.get("label"), str):
        return Field(name, spec["label"], bool(spec.get("required", True)), bool(spec.get("list", False)))
    _refuse(source, "TEMPLATE_FIELD", f"字段「{name}」的定义应为标签文字或 {{label = …}}。",
            f"field '{name}' must be a label or a table with label.", name)


def parse_template(data: dict, source: str) -> Template:
    """Build and check one template; refuse unknown or unused fields by name."""
    for key in ("code", "title", "prefix", "body", "fields"):
        if key not in data:
            _refuse(source, "TEMPLATE_KEY", f"缺少「{key}」。", f"'{key}' is missing.", key)
    # Types too: `body = 5` or `fields = [1]` crashed the parser (found by the issue-10 corpus).
    for key in ("code", "title", "prefix", "body"):
        if not isinstance(data[key], str):
            _refuse(source, "TEMPLATE_KEY", f"「{key}」应为文字。", f"'{key}' must be text.", key)
    for key in ("key_fields", "required_parts"):
        if not isinstance(data.get(key, []), list) or not all(isinstance(x, str) for x in data.get(key, [])):
            _refuse(source, "TEMPLATE_KEY", f"「{key}」应为文字列表。", f"'{key}' must be a list of names.", key)
    if not isinstance(data["fields"], dict):
        _refuse(source, "TEMPLATE_FIELD", "「fields」应为表（[fields]）。", "'fields' must be a table.", "fields")
    fields = {n: _field(n, spec, source) for n, spec in data["fields"].items()}
    used = _placeholders(data["body"], source) | _placeholders(data["title"], source)
    annex = data.get("annex", "")
    if annex:  # the annexes are printed after the signature, not in the body's text
        if not isinstance(annex, str) or annex not in fields or not fields[annex].is_list:
            _refuse(source, "TEMPLATE_KEY", "「annex」应为一个已声明的列表字段名。",
                    "'annex' must name a declared list field.", "annex")
        used = used | {annex}
    for name in sorted(used - set(fields) - set(BUILTINS)):
        _refuse(source, "TEMPLATE_UNKNOWN_FIELD", f"正文使用了未声明的字段「{name}」。",
                f"the text uses the undeclared field '{name}'.", name)
    for name in sorted(set(fields) - used):
        _refuse(source, "TEMPLATE_UNUSED_FIELD", f"声明的字段「{name}」在正文中没有出现。",
                f"the declared field '{name}' does not appear in the text.", name)
    key_fields = tuple(data.get("key_fields", ()))
    parts = tuple(data.get("required_parts", ()))
    for name in key_fields + parts:
        if name not in fields:
            _refuse(source, "TEMPLATE_UNKNOWN_FIELD", f"key_fields/required_parts 中的「{name}」未声明。",
                    f"'{name}' in key_fields/required_parts is not declared.", name)
    if data["code"] in DECISION_TYPES:  # R5: an office may reword a decision, never drop a part
        for part in DECISION_PARTS:
            if part not in parts:
                _refuse(source, "R5_TEMPLATE_PART_MISSING", f"决定书模板必须包含「{PART_ZH[part]}」（{part}）。",
                        f"a decision template must carry the part '{part}'.", part)
    body = tuple(line.rstrip() for line in data["body"].strip().splitlines() if line.strip())
    return Template(data["code"], data["title"], data["prefix"], data.get("rule", ""), fields,
                    key_fields, parts, body, source, bool(data.get("signature", True)), annex=annex)


def from_text(text: str, source: str) -> Template:
    """Parse a template's TOML text (a file, or the copy stored with a printed document)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _refuse(source, "TEMPLATE_SYNTAX", f"TOML 格式错误：{exc}", f"TOML error: {exc}")
    except RecursionError:  # arrays nested thousands deep (issue-10 corpus)
        _refuse(source, "TEMPLATE_SYNTAX", "TOML 嵌套过深。", "TOML nested too deeply.")
    tpl = parse_template(data, source)
    return Template(**{**tpl.__dict__, "text": text})


ANNEX_LABEL = "附件{n}"


def annexes(tpl: Template, context: dict) -> list[list[Block]]:
    """GB/T 9704 7.4.2: each annex on its own pages after the signature — 「附件N」 top left, its title centred
    on the third line, then its lines. An annex item is text whose first line is the title; each further line
    is a paragraph (``| `` for a line without indent)."""
    if not tpl.annex:
        return []
    out = []
    for n, item in enumerate(context.get(tpl.annex) or [], start=1):
        lines = [ln.strip() for ln in str(item).splitlines() if ln.strip()]
        blocks = [Block("annex_label", ANNEX_LABEL.format(n=n)), Block("annex_title", lines[0] if lines else "")]
        for line in lines[1:]:
            plain = line.startswith("| ")
            blocks.append(Block("plain" if plain else "para", line[2:] if plain else line))
        out.append(blocks)
    return out


@lru_cache(maxsize=64)
def _load_file(path: str, mtime: float) -> Template:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError:  # e.g. saved as GBK by an editor: one sentence, not a traceback (issue 10)
        _refuse(Path(path).name, "TEMPLATE_SYNTAX", "文件不是 UTF-8 编码，请另存为 UTF-8。",
                "the file is not UTF-8; save it as UTF-8.")
    return from_text(text, Path(path).name)


def load_template(code: str, folder: Path | None = None) -> Template:
    """The template for a document type, re-read when the office has edited the file."""
    if not re.fullmatch(r"[a-z_]{2,40}", code or ""):
        raise ValidationError("DOC_TYPE_UNKNOWN", f"文书类型「{code}」无效。", f"Unknown document type '{code}'.",
                              field="type")
    path = (folder or templates_dir()) / f"{code}.toml"
    if not path.exists():
        raise ValidationError("DOC_TYPE_UNKNOWN", f"没有文书类型「{code}」的模板（{path.name}）。",
                              f"No template for document type '{code}' ({path.name}).", field="type")
    return _load_file(str(path), path.stat().st_mtime)


def available(folder: Path | None = None) -> list[str]:
    return sorted(p.stem for p in (folder or templates_dir()).glob("*.toml"))


def _clean(value) -> str:
    return unicodedata.normalize("NFC", str(value)).strip()


# The party's form of address, set from the subject's kind by documents.issue (issue 17 item 8): 你 for a person,
# 你单位 for an organisation. Every template may carry it; a notice registered before it keeps 你（单位）.
ADDRESS_KEY, ADDRESS_FORMS, ADDRESS_GENERIC = "you", ("你", "你单位"), "你（单位）"


def check_context(tpl: Template, context: dict) -> dict:
    """Refuse a context with a missing, empty-required or unknown field; returns it normalised."""
    for name in sorted(set(context) - set(tpl.fields) - {ADDRESS_KEY}):
        _refuse(tpl.source, "CONTEXT_UNKNOWN_FIELD", f"数据中有模板未声明的字段「{name}」。",
                f"the data has the undeclared field '{name}'.", name)
    out = {}
    for name, f in tpl.fields.items():
        value = context.get(name)
        if f.is_list:
            value = [_clean(v) for v in (value or []) if _clean(v)]
        else:
            value = _clean(value) if value is not None else ""
        if f.required and not value:
            code = "R5_DECISION_PART_MISSING" if name in tpl.required_parts else "CONTEXT_FIELD_MISSING"
            _refuse(tpl.source, code, f"缺少「{f.label}」（{name}），文书不予打印。",
                    f"'{name}' ({f.label}) is missing; the document is not printed.", name)
        out[name] = value
    if context.get(ADDRESS_KEY) in ADDRESS_FORMS:
        out[ADDRESS_KEY] = context[ADDRESS_KEY]
    return out


def fill(tpl: Template, context: dict, builtins: dict) -> tuple[str, list[Block]]:
    """The title and the body blocks with every placeholder replaced."""
    values = {**{k: ("、".join(v) if isinstance(v, list) else v) for k, v in context.items()}, **builtins}
    you = context.get(ADDRESS_KEY) if context.get(ADDRESS_KEY) in ADDRESS_FORMS else ADDRESS_GENERIC
    blocks: list[Block] = []
    for line in tpl.body:
        kind, text = "para", line
        for mark, k in _MARKS.items():
            if line.startswith(mark):
                kind, text = k, line[len(mark):]
        lone = re.fullmatch(r"\{(\w+)\}", text.strip())
        if lone and isinstance(context.get(lone[1]), list):
            blocks += [Block(kind, item) for item in context[lone[1]]]
        elif text.format_map(values).strip():  # a line holding only an empty optional field vanishes
            blocks.append(Block(kind, text.format_map(values).replace(ADDRESS_GENERIC, you)))
    return tpl.title.format_map(values), blocks
