"""The two survey rules a programme is judged by, at their edges: the response rate against
the threshold, and the smallest group that results may show."""

from datetime import timedelta

import pytest

from pendel.surveys.models import Invitation, Wave
from pendel.surveys.results.tables import Row, Table, protect
from pendel.surveys.selectors import Rate, rate_of, response_rate, with_rates
from pendel.surveys.tests.conftest import make_wave


@pytest.mark.parametrize(
    ("rate", "percent"),
    [
        (Rate(invited=10, undelivered=2, answered=6), 75.0),  # undelivered do not count
        (Rate(invited=7, undelivered=0, answered=1), 14.3),
        (Rate(invited=3, undelivered=3, answered=0), None),  # nobody reached: no rate
        (Rate(invited=0, undelivered=0, answered=0), None),
    ],
)
def test_the_rate_is_answered_over_delivered(rate, percent):
    assert rate.percent == percent


def test_a_threshold_is_met_by_exactly_enough_answers():
    assert Rate(4, 0, 3).meets(75)  # 75 % of 4 is 3
    assert not Rate(4, 0, 2).meets(75)
    assert not Rate(4, 0, 3).meets(76)
    assert Rate(10, 2, 6).meets(75)  # 6 of the 8 delivered
    assert not Rate(2, 2, 0).meets(1)  # nothing delivered never meets a threshold
    assert Rate(1, 0, 1).meets(100)  # one of one
    assert not Rate(101, 0, 100).meets(100)  # 100 of 101 are not all


def test_the_page_says_how_many_more_answers_are_needed():
    assert Rate(10, 0, 6).answers_needed(75) == 2  # 7.5 rounds up to 8
    assert Rate(10, 2, 6).answers_needed(80) == 1  # 80 % of 8 is 6.4: 7 answers
    assert Rate(4, 0, 3).answers_needed(75) == 0
    assert Rate(4, 0, 4).answers_needed(75) == 0  # more than enough is not negative
    assert Rate(3, 0, 0).answers_needed(67) == 3  # 2 of 3 are 66.7 %: all three are needed


def _table(sizes, *, partition=False):
    rows = [
        Row(key=f"g{i}", label=f"Group {i}", n=n, values={"bus": (n or 0) // 2})
        for i, n in enumerate(sizes)
    ]
    return Table(key="t", title="T", columns=["bus"], rows=rows, partition=partition)


def _shown(table):
    return [row.n for row in table.rows if not row.suppressed]


def test_a_group_of_exactly_the_minimum_is_shown_and_one_less_is_hidden():
    table = protect(_table([5, 4, 10, 0, None]), min_size=5)
    assert _shown(table) == [5, 10]
    assert table.protected
    hidden = [row for row in table.rows if row.suppressed]
    assert all(row.n is None and row.values == {"bus": None} for row in hidden)


def test_in_a_partition_hidden_groups_that_add_up_to_too_few_hide_the_next_smallest():
    # 3 hidden alone could be worked out from the total: 6 is hidden as well.
    assert _shown(protect(_table([6, 3, 10], partition=True), min_size=5)) == [10]
    # 2 + 3 hidden together are 5: enough, nothing more is hidden.
    assert _shown(protect(_table([2, 3, 10, 7], partition=True), min_size=5)) == [10, 7]
    # A group nobody answered in counts as nothing: 0 + 4 are too few, 10 is hidden too.
    assert _shown(protect(_table([0, 4, 10], partition=True), min_size=5)) == []
    # Nothing hidden: nothing more to hide.
    assert _shown(protect(_table([5, 6], partition=True), min_size=5)) == [5, 6]
    # Not a partition: only the small group is hidden.
    assert _shown(protect(_table([6, 3, 10]), min_size=5)) == [6, 10]


def test_a_row_shows_shares_and_means_but_a_hidden_row_shows_neither():
    row = Row(key="g", label="G", n=8, values={"bus": 2, "km": 12.345})
    assert row.share("bus") == 25.0
    assert row.shown("bus", "share") == 25.0
    assert row.shown("km", "mean") == 12.3
    assert row.share("walk") is None
    assert row.shown("walk", "mean") is None  # no answers to that question: no figure
    hidden = protect(_table([4]), min_size=5).rows[0]
    assert hidden.share("bus") is None and hidden.shown("bus", "mean") is None


def test_lists_and_pages_count_the_same_rate(sent_wave, invitations):
    """A list reads the rate from one aggregate query, a page from the wave itself: both
    must say the same."""
    Invitation.objects.filter(pk=invitations[0].pk).update(undelivered_at=sent_wave.dispatched_at)
    Invitation.objects.filter(pk__in=[i.pk for i in invitations[1:4]]).update(
        answered_at=sent_wave.dispatched_at
    )
    plain = Wave.objects.get(pk=sent_wave.pk)
    listed = with_rates(Wave.objects.filter(pk=sent_wave.pk)).get()
    assert rate_of(plain) == rate_of(listed) == response_rate(plain) == Rate(10, 1, 3)
    assert rate_of(listed).percent == 33.3


def test_a_list_with_rates_keeps_the_newest_survey_first(world, sent_wave):
    older = make_wave(world.location, opens_on=sent_wave.opens_on - timedelta(days=400))
    listed = list(with_rates(Wave.objects.filter(location=world.location)))
    assert [wave.pk for wave in listed] == [sent_wave.pk, older.pk]
    assert with_rates(Wave.objects.all()).ordered  # pages of a paginated list stay stable
