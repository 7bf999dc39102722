// The critical-path scheduler: link types and lags, float and the critical
// path, constraints and what it reports instead of resolving, summaries,
// cycles; and the working-day scale it counts in (holidays, 调休).
#include "domain/cpm_schedule.h"
#include "domain/workday_scale.h"

#include <QTest>
#include <random>

using namespace liuhe;
using namespace liuhe::cpm;

namespace {

Task leaf(int duration, int parent = -1)
{
    Task t;
    t.duration = duration;
    t.parent = parent;
    return t;
}

Task constrained(int duration, Constraint c, int day)
{
    Task t = leaf(duration);
    t.constraint = c;
    t.constraintDay = day;
    return t;
}

Link link(int from, int to, LinkType type = LinkType::FinishToStart, int lag = 0) { return Link{from, to, type, lag}; }

std::pair<int, int> span(const Schedule &s, int task) { return {s.tasks[size_t(task)].start, s.tasks[size_t(task)].finish}; }

} // namespace

class TestCpmSchedule : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void finishToStartChainWithLagAndMilestone()
    {
        // A 3 days, then B 2 days one day after A, then milestone M when B is done.
        const Schedule s = schedule({leaf(3), leaf(2), leaf(0)}, {link(0, 1, LinkType::FinishToStart, 1), link(1, 2)}, 10);
        QVERIFY(s.cycle.empty());
        QCOMPARE(span(s, 0), std::make_pair(10, 13));
        QCOMPARE(span(s, 1), std::make_pair(14, 16));
        QCOMPARE(span(s, 2), std::make_pair(16, 16));
        QCOMPARE(s.finish, 16);
        for (const TaskDates &d : s.tasks) {
            QCOMPARE(d.totalFloat, 0);
            QVERIFY(d.critical);
        }
        QVERIFY(s.conflicts.empty());
    }

    void eachLinkTypeBindsItsEnds()
    {
        // A occupies days 0-4 (finish 5). SS+2: start 2. FF-1 (a lead): finish 4.
        // SF+3: finish at A's start + 3.
        const Schedule s = schedule({leaf(5), leaf(2), leaf(3), leaf(1)},
                                    {link(0, 1, LinkType::StartToStart, 2), link(0, 2, LinkType::FinishToFinish, -1),
                                     link(0, 3, LinkType::StartToFinish, 3)});
        QCOMPARE(span(s, 1), std::make_pair(2, 4));
        QCOMPARE(span(s, 2), std::make_pair(1, 4));
        QCOMPARE(span(s, 3), std::make_pair(2, 3));
        QCOMPARE(s.finish, 5);
        QVERIFY(s.tasks[0].critical);
        QCOMPARE(s.tasks[1].totalFloat, 1); // may end as late as day 5
        QCOMPARE(s.tasks[3].totalFloat, 2);
    }

    void floatAndCriticalPathOfParallelBranches()
    {
        // Start → (long 10 | short 4) → End: the short branch has 6 days of float.
        const Schedule s = schedule({leaf(0), leaf(10), leaf(4), leaf(0)}, {link(0, 1), link(0, 2), link(1, 3), link(2, 3)});
        QCOMPARE(s.finish, 10);
        QCOMPARE(s.tasks[1].totalFloat, 0);
        QVERIFY(s.tasks[1].critical);
        QCOMPARE(s.tasks[2].totalFloat, 6);
        QCOMPARE(s.tasks[2].lateStart, 6);
        QCOMPARE(s.tasks[2].lateFinish, 10);
        QVERIFY(!s.tasks[2].critical);
        QVERIFY(s.tasks[3].critical);
    }

    void aLinkAlreadyMetMovesNothing()
    {
        // B waits for day 8 by its own constraint: linking it after A (done at 2) leaves it there.
        const std::vector<Task> tasks{leaf(2), constrained(3, Constraint::StartNoEarlierThan, 8)};
        QCOMPARE(span(schedule(tasks, {}), 1), std::make_pair(8, 11));
        QCOMPARE(span(schedule(tasks, {link(0, 1)}), 1), std::make_pair(8, 11));
        QCOMPARE(span(schedule(tasks, {link(0, 1)}), 0), std::make_pair(0, 2));
    }

    void constraintsPlaceOrReport()
    {
        // A 5 days; B after A with each constraint.
        const auto place = [](Constraint c, int day) { return schedule({leaf(5), constrained(2, c, day)}, {link(0, 1)}); };
        QCOMPARE(span(place(Constraint::StartNoEarlierThan, 7), 1), std::make_pair(7, 9));
        QCOMPARE(span(place(Constraint::FinishNoEarlierThan, 12), 1), std::make_pair(10, 12));
        // No later than: met, or reported (and the float goes negative), never moved against the link.
        QVERIFY(place(Constraint::StartNoLaterThan, 6).conflicts.empty());
        const Schedule late = place(Constraint::FinishNoLaterThan, 6);
        QCOMPARE(span(late, 1), std::make_pair(5, 7));
        QCOMPARE(late.conflicts, (std::vector<Conflict>{Conflict{Conflict::Kind::ConstraintMissed, 1, -1}}));
        QCOMPARE(late.tasks[1].totalFloat, -1);
        QCOMPARE(late.tasks[0].totalFloat, -1); // A is late too: B cannot finish by 6 unless A finishes by 4
        QVERIFY(late.tasks[0].critical);
        // Must start on: placed there; the link it breaks is reported.
        const Schedule pinned = place(Constraint::MustStartOn, 3);
        QCOMPARE(span(pinned, 1), std::make_pair(3, 5));
        QCOMPARE(pinned.conflicts, (std::vector<Conflict>{Conflict{Conflict::Kind::LinkViolated, 1, 0}}));
        QCOMPARE(span(place(Constraint::MustFinishOn, 9), 1), std::make_pair(7, 9));
        QVERIFY(place(Constraint::MustFinishOn, 9).conflicts.empty());
    }

    void manualTasksStayAndReportBrokenLinks()
    {
        Task manual = leaf(2);
        manual.manual = true;
        manual.manualStart = 1;
        const Schedule s = schedule({leaf(4), manual, leaf(1)}, {link(0, 1), link(1, 2)});
        QCOMPARE(span(s, 1), std::make_pair(1, 3));
        QCOMPARE(span(s, 2), std::make_pair(3, 4)); // its successor follows where it is
        QCOMPARE(s.conflicts, (std::vector<Conflict>{Conflict{Conflict::Kind::LinkViolated, 1, 0}}));
    }

    void asLateAsPossibleWaitsForItsSuccessor()
    {
        // A 10 days; B 2 days ALAP before C (which follows A): B ends when C starts.
        const Schedule s = schedule({leaf(10), constrained(2, Constraint::AsLateAsPossible, 0), leaf(1), leaf(3)},
                                    {link(0, 2), link(1, 2), link(3, 2, LinkType::FinishToStart, 0)});
        QCOMPARE(span(s, 1), std::make_pair(8, 10));
        QCOMPARE(span(s, 2), std::make_pair(10, 11));
        QCOMPARE(span(s, 3), std::make_pair(0, 3)); // as soon as possible, as asked
        // Without a successor it ends with the project.
        const Schedule alone = schedule({leaf(6), constrained(2, Constraint::AsLateAsPossible, 0)}, {});
        QCOMPARE(span(alone, 1), std::make_pair(4, 6));
        QVERIFY(alone.conflicts.empty());
    }

    void summariesRollUpAndCarryTheirLinks()
    {
        // Phase P1 (0) holds a 3 and b 5 in parallel; phase P2 (3) holds c 2 then d 1.
        // P1 → P2 finish-to-start; e 4 starts with P1.
        std::vector<Task> tasks{leaf(0), leaf(3, 0), leaf(5, 0), leaf(0), leaf(2, 3), leaf(1, 3), leaf(4)};
        const Schedule s = schedule(tasks, {link(0, 3), link(4, 5), link(0, 6, LinkType::StartToStart, 1)});
        QVERIFY(s.cycle.empty());
        QCOMPARE(span(s, 0), std::make_pair(0, 5));
        QCOMPARE(span(s, 4), std::make_pair(5, 7)); // every task of P2 waits for all of P1
        QCOMPARE(span(s, 5), std::make_pair(7, 8));
        QCOMPARE(span(s, 3), std::make_pair(5, 8));
        QCOMPARE(span(s, 6), std::make_pair(1, 5));
        QCOMPARE(s.finish, 8);
        QCOMPARE(s.tasks[1].totalFloat, 2);
        QVERIFY(s.tasks[2].critical);
        QVERIFY(s.tasks[0].critical); // it holds b
        QCOMPARE(s.tasks[6].totalFloat, 3);
        QVERIFY(s.conflicts.empty());
    }

    void cyclesAreRefusedAndNamed()
    {
        const Schedule s = schedule({leaf(1), leaf(1), leaf(1), leaf(1)}, {link(3, 0), link(0, 1), link(1, 2), link(2, 0)});
        QVERIFY(s.tasks.empty());
        std::vector<int> cycle = s.cycle;
        QCOMPARE(cycle.size(), size_t(3));
        std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
        QCOMPARE(cycle, (std::vector<int>{0, 1, 2}));
        // A summary linked to a task inside it.
        const Schedule own = schedule({leaf(0), leaf(2, 0)}, {link(0, 1)});
        QVERIFY(own.tasks.empty());
        QCOMPARE(own.cycle.front() == 0 || own.cycle.front() == 1, true);
        QVERIFY(!schedule({leaf(1)}, {link(0, 0)}).cycle.empty());
    }

    void badInputIsLeftOutOrMadeSafe()
    {
        const Schedule s = schedule({leaf(2), leaf(1)}, {link(0, 7), link(0, 1), link(-1, 1)});
        QCOMPARE(s.invalidLinks, (std::vector<int>{0, 2}));
        QCOMPARE(span(s, 1), std::make_pair(2, 3));
        QVERIFY(schedule({}, {}).tasks.empty());
        QCOMPARE(span(schedule({leaf(-3), leaf(2)}, {link(0, 1)}), 0), std::make_pair(0, 0)); // a negative duration is a milestone's
    }

    // Random plans (tasks linked to earlier ones by every type, lags and leads):
    // every link is kept, every task starts as early as its links allow and
    // may end as late as its successors allow, nothing has negative float.
    void randomPlansAreTightBothWays()
    {
        std::mt19937 rng(7);
        for (int round = 0; round < 200; ++round) {
            const int n = 2 + int(rng() % 40);
            std::vector<Task> tasks;
            std::vector<Link> links;
            for (int i = 0; i < n; ++i) {
                tasks.push_back(leaf(int(rng() % 6)));
                for (int k = 0; k < int(rng() % 3) && i > 0; ++k)
                    links.push_back(link(int(rng() % unsigned(i)), i, LinkType(rng() % 4), int(rng() % 7) - 3));
            }
            const Schedule s = schedule(tasks, links, 2);
            QVERIFY(s.cycle.empty() && s.conflicts.empty());
            for (int i = 0; i < n; ++i) {
                const int d = tasks[size_t(i)].duration;
                int earliest = 2, latest = s.finish - d;
                for (const Link &l : links) {
                    const TaskDates &a = s.tasks[size_t(l.from)], &b = s.tasks[size_t(l.to)];
                    const bool fromStart = l.type == LinkType::StartToStart || l.type == LinkType::StartToFinish;
                    const bool toStart = l.type == LinkType::FinishToStart || l.type == LinkType::StartToStart;
                    const int demand = (fromStart ? a.start : a.finish) + l.lag;
                    if (l.to == i) earliest = std::max(earliest, toStart ? demand : demand - d);
                    if (l.from == i) {
                        const int allowed = (toStart ? b.lateStart : b.lateFinish) - l.lag; // for this task's start or finish
                        latest = std::min(latest, fromStart ? allowed : allowed - d);
                    }
                }
                QCOMPARE(s.tasks[size_t(i)].start, earliest);
                QCOMPARE(s.tasks[size_t(i)].lateStart, latest);
                QVERIFY(s.tasks[size_t(i)].totalFloat >= 0);
            }
        }
    }

    // UX.md, Gantt 8: a 2-day task starting Fri 2026-02-13 ends Sat 2026-02-14, a 调休 workday.
    void workingDaysFollowHolidaysAndAdjustedWorkdays()
    {
        WorkdayCalendar calendar;
        calendar.setDay(QDate(2026, 2, 14), WorkdayCalendar::DayKind::Workday, QStringLiteral("春节调休"));
        for (QDate d(2026, 2, 15); d <= QDate(2026, 2, 23); d = d.addDays(1)) calendar.setDay(d, WorkdayCalendar::DayKind::Holiday, QStringLiteral("春节"));
        const WorkdayScale scale(calendar, QDate(2026, 2, 13));
        const Schedule s = schedule({leaf(2), leaf(1)}, {link(0, 1)}, scale.dayOf(QDate(2026, 2, 13)));
        QCOMPARE(scale.dateOf(s.tasks[0].start), QDate(2026, 2, 13));
        QCOMPARE(scale.lastDayOf(s.tasks[0].finish), QDate(2026, 2, 14));
        QCOMPARE(scale.dateOf(s.tasks[1].start), QDate(2026, 2, 24)); // after the holiday
        QCOMPARE(scale.dayOf(QDate(2026, 2, 18)), 2);                 // a holiday: the next working day
        QCOMPARE(scale.dayOf(QDate(2026, 2, 24)), 2);
        QCOMPARE(scale.dateOf(-1), QDate(2026, 2, 12));
        QCOMPARE(scale.dayOf(QDate(2026, 2, 8)), -4); // Sunday: Mon 2-9 is day -4
        QCOMPARE(scale.dayOf(QDate(2026, 2, 9)), -4);
        QCOMPARE(scale.dateOf(scale.dayOf(QDate(2026, 3, 2))), QDate(2026, 3, 2));
        // Day 0 is the first working day on or after the origin.
        QCOMPARE(WorkdayScale(calendar, QDate(2026, 2, 15)).dateOf(0), QDate(2026, 2, 24));
    }
};

QTEST_GUILESS_MAIN(TestCpmSchedule)
#include "tst_cpm_schedule.moc"
