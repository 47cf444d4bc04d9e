"""The three-way merge: what one side changed survives what the other side changed elsewhere."""

from hypothesis import given
from hypothesis import strategies as st

from core.merge import MISSING, merge_blocks, merge_dicts, merge_text, merge_value, plain_text

values = st.one_of(st.none(), st.integers(0, 3), st.text(max_size=3))
records = st.dictionaries(st.sampled_from("abcde"), values, max_size=5)


def block(block_id, text, kind="markdown"):
    return {"type": kind, "value": text, "id": block_id}


@given(records, records)
def test_a_change_merged_with_no_change_is_the_change(base, changed):
    assert merge_dicts(base, base, changed).values == changed
    merged = merge_dicts(base, changed, base)
    assert merged.is_clean and merged.values == changed


@given(records, records)
def test_the_same_change_on_both_sides_is_no_conflict(base, changed):
    merged = merge_dicts(base, changed, changed)
    assert merged.is_clean and merged.values == changed


@given(records, records, records)
def test_disjoint_changes_are_both_kept(base, theirs_changes, my_changes):
    theirs = {**base, **{key: value for key, value in theirs_changes.items() if key in "ab"}}
    mine = {**base, **{key: value for key, value in my_changes.items() if key in "cde"}}
    merged = merge_dicts(base, theirs, mine)
    assert merged.is_clean
    assert merged.values == {**mine, **{key: value for key, value in theirs.items() if key in "ab"}}


def test_both_changing_one_field_differently_is_a_conflict_holding_the_three_versions():
    merged = merge_dicts({"title": "A", "intro": "x"}, {"title": "B", "intro": "x"}, {"title": "C", "intro": "y"})
    assert [(c.field, c.base, c.theirs, c.mine) for c in merged.conflicts] == [("title", "A", "B", "C")]
    assert merged.values["intro"] == "y"


def test_a_key_removed_on_one_side_and_kept_on_the_other_is_removed():
    assert merge_dicts({"a": 1, "b": 2}, {"a": 1}, {"a": 1, "b": 2}).values == {"a": 1}
    assert merge_value(1, MISSING, 1) == (MISSING, False)


def test_blocks_edited_on_each_side_are_both_kept():
    base = [block("1", "un"), block("2", "deux")]
    merged, conflicts = merge_blocks(
        base, [block("1", "UN"), block("2", "deux")], [block("1", "un"), block("2", "DEUX")]
    )
    assert not conflicts
    assert merged == [block("1", "UN"), block("2", "DEUX")]


def test_blocks_added_on_each_side_keep_their_place():
    base = [block("1", "un"), block("2", "deux")]
    theirs = [block("1", "un"), block("t", "à eux"), block("2", "deux")]
    mine = [block("m", "à moi"), block("1", "un"), block("2", "deux"), block("m2", "fin")]
    merged, conflicts = merge_blocks(base, theirs, mine)
    assert not conflicts
    assert [b["id"] for b in merged] == ["m", "1", "t", "2", "m2"]


def test_a_block_removed_on_one_side_and_untouched_on_the_other_is_removed():
    base = [block("1", "un"), block("2", "deux")]
    merged, conflicts = merge_blocks(base, [block("2", "deux")], [block("1", "un"), block("2", "DEUX")])
    assert not conflicts
    assert merged == [block("2", "DEUX")]


def test_a_block_edited_on_one_side_and_removed_on_the_other_is_a_conflict():
    base = [block("1", "un")]
    merged, conflicts = merge_blocks(base, [], [block("1", "UN")], field="body")
    assert [(c.field, c.block_id, c.theirs, c.mine) for c in conflicts] == [("body", "1", MISSING, block("1", "UN"))]
    assert merged == [block("1", "UN")]


def test_the_same_block_edited_differently_is_a_conflict():
    base = [block("1", "un"), block("2", "deux")]
    merged, conflicts = merge_blocks(
        base, [block("1", "eux"), block("2", "deux")], [block("1", "moi"), block("2", "2")]
    )
    assert [(c.block_id, c.base["value"], c.theirs["value"], c.mine["value"]) for c in conflicts] == [
        ("1", "un", "eux", "moi")
    ]
    assert merged == [block("1", "moi"), block("2", "2")]


def test_their_reordering_is_kept_when_i_did_not_reorder():
    base = [block("1", "un"), block("2", "deux"), block("3", "trois")]
    theirs = [block("3", "trois"), block("1", "un"), block("2", "deux")]
    mine = [block("1", "un"), block("2", "DEUX"), block("4", "quatre"), block("3", "trois")]
    merged, conflicts = merge_blocks(base, theirs, mine)
    assert not conflicts
    assert [b["id"] for b in merged] == ["3", "1", "2", "4"]
    assert merged[2]["value"] == "DEUX"


block_lists = st.lists(
    st.builds(block, st.sampled_from("123456"), st.sampled_from(["a", "b", "c"])),
    max_size=6,
    unique_by=lambda b: b["id"],
)


@given(block_lists, block_lists)
def test_blocks_changed_on_one_side_only_are_that_side(base, changed):
    assert merge_blocks(base, base, changed) == (changed, [])
    assert merge_blocks(base, changed, base) == (changed, [])
    assert merge_blocks(base, changed, changed) == (changed, [])


@given(block_lists, block_lists, block_lists)
def test_no_block_is_lost_without_a_conflict(base, theirs, mine):
    merged, conflicts = merge_blocks(base, theirs, mine)
    kept = {b["id"] for b in merged}
    base_ids = {b["id"] for b in base}
    conflicted = {c.block_id for c in conflicts}
    # Every block one side added, or changed from the base, is in the result unless it is in conflict.
    for side in (theirs, mine):
        for b in side:
            original = next((o for o in base if o["id"] == b["id"]), None)
            if (b["id"] not in base_ids or b != original) and b["id"] not in conflicted:
                assert b["id"] in kept
    assert len(kept) == len(merged)


def test_plain_text_shows_the_words_of_a_block():
    assert plain_text({"type": "quote", "value": {"text": "Bonjour", "author": "Ana"}, "id": "x"}) == "Bonjour / Ana"
    assert plain_text(MISSING) == ""
    assert plain_text("x" * 5001).endswith("…")


# Distinct paragraphs: with repeated lines a diff may align either way, and the merge then refuses (loses nothing).
paragraphs = st.lists(st.text(alphabet="abc ", min_size=1, max_size=6), min_size=4, max_size=8, unique=True)


def text(lines):
    return "".join(f"{line}\n" for line in lines)


def test_paragraphs_changed_apart_in_the_same_text_are_both_kept():
    base = "Les ateliers ont lieu le mardi.\n\nLa salle est au rez-de-chaussée.\n\nVenez nombreux.\n"
    theirs = "Les ateliers ont lieu le mardi et le jeudi.\n\nLa salle est au rez-de-chaussée.\n\nVenez nombreux.\n"
    mine = "Les ateliers ont lieu le mardi.\n\nLa salle est au rez-de-chaussée.\n\nVenez nombreux !\n\nMerci.\n"
    merged = "Les ateliers ont lieu le mardi et le jeudi.\n\nLa salle est au rez-de-chaussée.\n\nVenez nombreux !\n\n"
    assert merge_value(base, theirs, mine) == (merged + "Merci.\n", False)


def test_the_same_line_changed_differently_is_a_conflict():
    assert merge_text("a\nb\n", "a\nB\n", "a\nβ\n") is None
    assert merge_value("Horaires", "Horaires d'hiver", "Horaires d'été") == ("Horaires d'été", True)


def test_a_block_struct_is_merged_field_by_field():
    base = {"type": "callout", "value": {"title": "Attention", "text": "Fermé en août."}}
    theirs = {"type": "callout", "value": {"title": "À savoir", "text": "Fermé en août."}}
    mine = {"type": "callout", "value": {"title": "Attention", "text": "Fermé en août et à Noël."}}
    assert merge_value(base, theirs, mine) == (
        {"type": "callout", "value": {"title": "À savoir", "text": "Fermé en août et à Noël."}},
        False,
    )


@given(paragraphs, st.text(alphabet="xyz", min_size=1, max_size=4), st.text(alphabet="xyz", min_size=1, max_size=4))
def test_edits_two_lines_apart_always_merge(lines, first, last):
    theirs = [first, *lines[1:]]
    mine = [*lines[:-1], last]
    assert merge_text(text(lines), text(theirs), text(mine)) == text([first, *lines[1:-1], last])


@given(paragraphs, paragraphs)
def test_a_text_changed_on_one_side_only_is_that_side(base, changed):
    assert merge_text(text(base), text(changed), text(base)) == text(changed)
    assert merge_text(text(base), text(base), text(changed)) == text(changed)


def test_a_block_whose_text_both_changed_apart_holds_both_changes():
    base = [block("1", "un\n\ndeux\n\ntrois")]
    merged, conflicts = merge_blocks(base, [block("1", "UN\n\ndeux\n\ntrois")], [block("1", "un\n\ndeux\n\nTROIS")])
    assert not conflicts
    assert merged == [block("1", "UN\n\ndeux\n\nTROIS")]
