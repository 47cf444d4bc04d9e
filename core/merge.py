"""Three-way merge of what two people changed from the same version: per field, and per block of a StreamField."""

import difflib
from dataclasses import dataclass, field
from typing import Any


class _Missing:
    """Absent on one side: a block or a key that was removed, or not there yet."""

    def __repr__(self):
        return "MISSING"

    def __bool__(self):
        return False


MISSING = _Missing()


@dataclass(frozen=True)
class Conflict:
    """One field (or one block of a field) that both sides changed, each differently."""

    field: str
    base: Any
    theirs: Any
    mine: Any
    block_id: str | None = None


@dataclass
class Merge:
    """The merged values (mine where both changed the same thing), and those conflicts: saved only once seen."""

    values: dict = field(default_factory=dict)
    conflicts: list = field(default_factory=list)

    @property
    def is_clean(self):
        return not self.conflicts


def merge_value(base, theirs, mine):
    """(merged value, conflicted?): a side that did not change takes the other side's change.

    When both changed it, texts are merged line by line (paragraphs edited apart both stay) and dicts (a block's
    fields) key by key; anything else changed on both sides is a conflict.
    """
    if theirs in (mine, base):
        return mine, False
    if mine == base:
        return theirs, False
    if all(isinstance(side, str) for side in (base, theirs, mine)):
        merged = merge_text(base, theirs, mine)
        return (mine, True) if merged is None else (merged, False)
    if all(isinstance(side, dict) for side in (base, theirs, mine)):
        merged = merge_dicts(base, theirs, mine)
        return (mine, True) if merged.conflicts else (merged.values, False)
    return mine, True


def _hunks(base_lines, lines):
    """The changes from base to lines, as (start, end, replacement) over the base's lines."""
    matcher = difflib.SequenceMatcher(None, base_lines, lines, autojunk=False)
    return [(i1, i2, lines[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def merge_text(base, theirs, mine):
    """A three-way merge of texts by lines, or None when both sides changed the same or neighbouring lines."""
    base_lines = base.splitlines(keepends=True)
    hunks = sorted(
        [(*hunk, "theirs") for hunk in _hunks(base_lines, theirs.splitlines(keepends=True))]
        + [(*hunk, "mine") for hunk in _hunks(base_lines, mine.splitlines(keepends=True))]
    )
    applied = []
    for start, end, replacement, side in hunks:
        if applied:
            last_start, last_end, last_replacement, last_side = applied[-1]
            # Overlapping or touching lines were changed on both sides: only the very same change is no conflict.
            if start <= last_end and last_side != side:
                if (start, end, replacement) == (last_start, last_end, last_replacement):
                    continue
                return None
        applied.append((start, end, replacement, side))
    result, position = [], 0
    for start, end, replacement, _side in applied:
        result.extend(base_lines[position:start])
        result.extend(replacement)
        position = end
    result.extend(base_lines[position:])
    return "".join(result)


def merge_dicts(base, theirs, mine, streams=()):
    """Merge key by key; keys in `streams` hold StreamField raw data, merged block by block."""
    merged = Merge()
    for key in dict.fromkeys([*mine, *theirs, *base]):
        sides = base.get(key, MISSING), theirs.get(key, MISSING), mine.get(key, MISSING)
        if key in streams:
            blocks, conflicts = merge_blocks(*(side or [] for side in sides), field=key)
            merged.values[key] = blocks
            merged.conflicts.extend(conflicts)
            continue
        value, conflicted = merge_value(*sides)
        if conflicted:
            merged.conflicts.append(Conflict(key, *sides))
        if value is not MISSING:
            merged.values[key] = value
    return merged


def _block_key(block, index):
    # Blocks carry stable ids; content older than ids falls back on its position.
    return block.get("id") or f"#{index}"


def _content(block):
    return MISSING if block is MISSING else {"type": block.get("type"), "value": block.get("value")}


def merge_blocks(base, theirs, mine, field=""):
    """Merge three lists of StreamField raw blocks ({type, value, id}) by block id.

    Blocks added on either side are kept where their side put them; a block removed on one side and left alone on the
    other is removed; edited on one side and removed on the other is a conflict. The order is the one of the side
    that reordered (mine when both did).
    """
    by_id = [{_block_key(block, index): block for index, block in enumerate(side)} for side in (base, theirs, mine)]
    base_ids, their_ids, my_ids = (list(side) for side in by_id)
    chosen, conflicts = {}, []
    for block_id in dict.fromkeys([*my_ids, *their_ids, *base_ids]):
        b, t, m = (side.get(block_id, MISSING) for side in by_id)
        content, conflicted = merge_value(_content(b), _content(t), _content(m))
        if conflicted:
            conflicts.append(Conflict(field, b, t, m, block_id=block_id))
            # Mine, for when the person has seen theirs and reconciled (a refused save keeps nothing anyway).
            content = _content(m)
        if content is MISSING:
            continue
        # The block's own keys (its id) from a side that has it, with the merged content.
        chosen[block_id] = {**(m if m is not MISSING else t), **content}
    # Which side reordered is read on the blocks the base already had.
    common = {block_id: True for block_id in base_ids if block_id in chosen}
    if _order(my_ids, common) == _order(base_ids, common) != _order(their_ids, common):
        order = _weave(their_ids, my_ids, chosen)
    else:
        order = _weave(my_ids, their_ids, chosen)
    return [chosen[block_id] for block_id in order], conflicts


def _order(ids, kept):
    return [block_id for block_id in ids if block_id in kept]


def _weave(skeleton, other, kept):
    """The skeleton's order, with the other side's own blocks inserted after the block they follow there."""
    result = _order(skeleton, kept)
    for index, block_id in enumerate(other):
        if block_id not in kept or block_id in result:
            continue
        position = 0
        for previous in reversed(other[:index]):
            if previous in result:
                position = result.index(previous) + 1
                break
        result.insert(position, block_id)
    return result


def plain_text(value, limit=5000):
    """A conflict's side as plain text for the message: the strings of a block or a value, cut at `limit`."""
    if value is MISSING or value is None:
        return ""
    if isinstance(value, dict):
        parts = [plain_text(item, limit) for key, item in value.items() if key not in {"id", "type"}]
    elif isinstance(value, list | tuple | set):
        parts = [plain_text(item, limit) for item in value]
    else:
        text = str(value)
        return text if len(text) <= limit else text[: limit - 1] + "…"
    text = " / ".join(part for part in parts if part)
    return text if len(text) <= limit else text[: limit - 1] + "…"
