#include "domain/cpm_schedule.h"

#include <algorithm>
#include <limits>

namespace liuhe::cpm {

namespace {

constexpr int kEarliest = std::numeric_limits<int>::min() / 4;
constexpr int kLatest = std::numeric_limits<int>::max() / 4;

bool bindsStart(LinkType t) { return t == LinkType::FinishToStart || t == LinkType::StartToStart; }
bool fromStart(LinkType t) { return t == LinkType::StartToStart || t == LinkType::StartToFinish; }

// Adjacency in one array: the items of key k are items[offsets[k] … offsets[k+1]).
struct Lists {
    std::vector<int> offsets, items;
    void build(int keys, const std::vector<std::pair<int, int>> &pairs)
    {
        offsets.assign(size_t(keys) + 1, 0);
        for (const auto &[key, item] : pairs) ++offsets[size_t(key) + 1];
        for (int k = 0; k < keys; ++k) offsets[size_t(k) + 1] += offsets[size_t(k)];
        items.resize(pairs.size());
        std::vector<int> next(offsets.begin(), offsets.end() - 1);
        for (const auto &[key, item] : pairs) items[size_t(next[size_t(key)]++)] = item;
    }
    const int *begin(int k) const { return items.data() + offsets[size_t(k)]; }
    const int *end(int k) const { return items.data() + offsets[size_t(k) + 1]; }
};

// A summary is two nodes: its gate (what links into it ask of its tasks; before
// them) and its roll-up (its first start and last finish; after them). A leaf
// task is one node. Node i is task i's gate or the leaf itself, node n + i a
// summary's roll-up.
class Planner {
public:
    Planner(const std::vector<Task> &tasks, const std::vector<Link> &links, int projectStart)
        : m_tasks(tasks), m_links(links), m_start(projectStart), m_n(int(tasks.size()))
    {
    }

    Schedule run()
    {
        Schedule out;
        std::vector<std::pair<int, int>> into, from, childOf;
        for (int l = 0; l < int(m_links.size()); ++l) {
            const Link &k = m_links[size_t(l)];
            if (k.from < 0 || k.from >= m_n || k.to < 0 || k.to >= m_n) {
                out.invalidLinks.push_back(l);
                continue;
            }
            into.emplace_back(k.to, l);
            from.emplace_back(k.from, l);
        }
        m_summary.assign(size_t(m_n), false);
        for (int i = 0; i < m_n; ++i) {
            const int p = m_tasks[size_t(i)].parent;
            if (p >= 0 && p < m_n) {
                childOf.emplace_back(p, i);
                m_summary[size_t(p)] = true;
            }
        }
        m_into.build(m_n, into);
        m_from.build(m_n, from);
        m_children.build(m_n, childOf);
        if (!order(out.cycle)) return out;

        m_s.assign(size_t(2 * m_n), 0);
        m_f.assign(size_t(2 * m_n), 0);
        forward(out.conflicts);
        out.finish = m_start;
        for (int i = 0; i < m_n; ++i)
            if (!m_summary[size_t(i)]) out.finish = std::max(out.finish, m_f[size_t(i)]);
        m_finish = out.finish;

        // Late dates against the successors' late dates; then as-late-as-possible
        // tasks move up to what their successors' scheduled dates allow.
        std::vector<int> lateStart(size_t(2 * m_n)), lateFinish(size_t(2 * m_n));
        backward(lateStart, lateFinish, [&](int i, int latestStart) {
            if (pinned(m_tasks[size_t(i)])) latestStart = m_s[size_t(i)];
            lateStart[size_t(i)] = latestStart;
            lateFinish[size_t(i)] = latestStart + duration(i);
        });
        std::vector<int> boundStart(size_t(2 * m_n)), boundFinish(size_t(2 * m_n));
        backward(boundStart, boundFinish, [&](int i, int latestStart) {
            const Task &t = m_tasks[size_t(i)];
            if (t.constraint == Constraint::AsLateAsPossible && !pinned(t) && latestStart > m_s[size_t(i)]) {
                m_s[size_t(i)] = latestStart;
                m_f[size_t(i)] = latestStart + duration(i);
            }
            boundStart[size_t(i)] = m_s[size_t(i)];
            boundFinish[size_t(i)] = m_f[size_t(i)];
        });
        for (int v : m_order)
            if (v >= m_n) rollUp(v - m_n);

        out.tasks.resize(size_t(m_n));
        for (int i = 0; i < m_n; ++i) {
            TaskDates &d = out.tasks[size_t(i)];
            d.start = m_s[size_t(outNode(i))];
            d.finish = m_f[size_t(outNode(i))];
            if (!m_summary[size_t(i)]) {
                d.lateStart = lateStart[size_t(i)];
                d.lateFinish = lateFinish[size_t(i)];
                d.totalFloat = d.lateStart - d.start;
                d.critical = d.totalFloat <= 0;
            }
        }
        // A summary: the latest of its tasks' late dates, its least float.
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) {
            if (*it >= m_n || !m_summary[size_t(*it)]) continue;
            TaskDates &d = out.tasks[size_t(*it)];
            d.lateStart = kLatest, d.lateFinish = kEarliest, d.totalFloat = kLatest;
            for (const int *c = m_children.begin(*it); c != m_children.end(*it); ++c) {
                const TaskDates &cd = out.tasks[size_t(*c)];
                d.lateStart = std::min(d.lateStart, cd.lateStart);
                d.lateFinish = std::max(d.lateFinish, cd.lateFinish);
                d.totalFloat = std::min(d.totalFloat, cd.totalFloat);
            }
            d.critical = d.totalFloat <= 0;
        }
        for (int l = 0; l < int(m_links.size()); ++l)
            if (!isInvalid(out.invalidLinks, l) && !satisfied(m_links[size_t(l)]))
                out.conflicts.push_back(Conflict{Conflict::Kind::LinkViolated, m_links[size_t(l)].to, l});
        return out;
    }

private:
    static bool pinned(const Task &t)
    {
        return t.manual || t.constraint == Constraint::MustStartOn || t.constraint == Constraint::MustFinishOn;
    }
    static bool isInvalid(const std::vector<int> &invalid, int l) { return std::binary_search(invalid.begin(), invalid.end(), l); }
    int outNode(int i) const { return m_summary[size_t(i)] ? m_n + i : i; }
    // A negative duration is taken as a milestone's.
    int duration(int i) const { return std::max(0, m_tasks[size_t(i)].duration); }

    // What link l asks of its successor's start or finish, by the scheduled dates.
    int demand(const Link &l) const
    {
        const int v = outNode(l.from);
        return (fromStart(l.type) ? m_s[size_t(v)] : m_f[size_t(v)]) + l.lag;
    }

    // Kahn's topological order of the nodes; false, with the cycle, if there is one.
    bool order(std::vector<int> &cycle)
    {
        std::vector<std::pair<int, int>> edges;
        edges.reserve(m_links.size() + size_t(2 * m_n));
        for (const Link &l : m_links)
            if (l.from >= 0 && l.from < m_n && l.to >= 0 && l.to < m_n) edges.emplace_back(outNode(l.from), l.to);
        for (int c = 0; c < m_n; ++c) {
            const int p = m_tasks[size_t(c)].parent;
            if (p < 0 || p >= m_n) continue;
            edges.emplace_back(p, c);                   // the gate before its tasks
            edges.emplace_back(outNode(c), m_n + p);     // its tasks before the roll-up
        }
        const int nodes = 2 * m_n;
        Lists next;
        next.build(nodes, edges);
        std::vector<int> indegree(size_t(nodes), 0);
        for (const auto &[a, b] : edges) ++indegree[size_t(b)];
        m_order.clear();
        m_order.reserve(size_t(nodes));
        for (int v = 0; v < nodes; ++v)
            if (indegree[size_t(v)] == 0 && (v < m_n || m_summary[size_t(v - m_n)])) m_order.push_back(v);
        for (size_t k = 0; k < m_order.size(); ++k)
            for (const int *w = next.begin(m_order[k]); w != next.end(m_order[k]); ++w)
                if (--indegree[size_t(*w)] == 0) m_order.push_back(*w);
        const int used = m_n + int(std::count(m_summary.begin(), m_summary.end(), true));
        if (int(m_order.size()) == used) return true;
        // Every node left has a predecessor left: walking back through them
        // must come round; the nodes between the two visits are the cycle.
        std::vector<std::pair<int, int>> reversed;
        reversed.reserve(edges.size());
        for (const auto &[a, b] : edges) reversed.emplace_back(b, a);
        Lists previous;
        previous.build(nodes, reversed);
        int v = 0;
        while (indegree[size_t(v)] == 0 || (v >= m_n && !m_summary[size_t(v - m_n)])) ++v;
        std::vector<int> seenAt(size_t(nodes), -1), path;
        while (seenAt[size_t(v)] < 0) {
            seenAt[size_t(v)] = int(path.size());
            path.push_back(v);
            const int *p = previous.begin(v);
            while (indegree[size_t(*p)] == 0) ++p;
            v = *p;
        }
        for (auto it = path.rbegin(); it != path.rend() - seenAt[size_t(v)]; ++it) {
            const int task = *it % m_n;
            if (cycle.empty() || cycle.back() != task) cycle.push_back(task);
        }
        if (cycle.size() > 1 && cycle.front() == cycle.back()) cycle.pop_back();
        return false;
    }

    void forward(std::vector<Conflict> &conflicts)
    {
        for (int v : m_order) {
            if (v >= m_n) {
                rollUp(v - m_n);
                continue;
            }
            const Task &t = m_tasks[size_t(v)];
            int start = m_start, finish = kEarliest; // what the links and the summary above ask
            if (t.parent >= 0 && t.parent < m_n) {
                start = std::max(start, m_s[size_t(t.parent)]);
                finish = std::max(finish, m_f[size_t(t.parent)]);
            }
            for (const int *l = m_into.begin(v); l != m_into.end(v); ++l) {
                const Link &k = m_links[size_t(*l)];
                int &bound = bindsStart(k.type) ? start : finish;
                bound = std::max(bound, demand(k));
            }
            if (m_summary[size_t(v)]) { // a gate: its tasks take these
                m_s[size_t(v)] = start;
                m_f[size_t(v)] = finish;
                continue;
            }
            const int d = duration(v);
            start = std::max(start, finish - d);
            const int c = t.constraintDay;
            switch (t.constraint) {
            case Constraint::StartNoEarlierThan: start = std::max(start, c); break;
            case Constraint::FinishNoEarlierThan: start = std::max(start, c - d); break;
            case Constraint::StartNoLaterThan:
                if (start > c) conflicts.push_back(Conflict{Conflict::Kind::ConstraintMissed, v});
                break;
            case Constraint::FinishNoLaterThan:
                if (start + d > c) conflicts.push_back(Conflict{Conflict::Kind::ConstraintMissed, v});
                break;
            case Constraint::MustStartOn: start = c; break;
            case Constraint::MustFinishOn: start = c - d; break;
            default: break;
            }
            if (t.manual) start = t.manualStart;
            m_s[size_t(v)] = start;
            m_f[size_t(v)] = start + d;
        }
    }

    void rollUp(int summary)
    {
        int start = kLatest, finish = kEarliest;
        for (const int *c = m_children.begin(summary); c != m_children.end(summary); ++c) {
            start = std::min(start, m_s[size_t(outNode(*c))]);
            finish = std::max(finish, m_f[size_t(outNode(*c))]);
        }
        m_s[size_t(m_n + summary)] = start;
        m_f[size_t(m_n + summary)] = finish;
    }

    // Reverse order: each leaf gets the latest start its successors (by their
    // starts[]/finishes[] as leaf() leaves them) and the project's finish allow;
    // leaf(i, latestStart) records its dates there. A gate holds its tasks'
    // earliest start and finish (what a link into it must precede), a roll-up
    // what the links out of the summary allow its tasks.
    template <class Leaf>
    void backward(std::vector<int> &starts, std::vector<int> &finishes, Leaf leaf)
    {
        for (auto it = m_order.rbegin(); it != m_order.rend(); ++it) {
            const int v = *it;
            if (v < m_n && m_summary[size_t(v)]) {
                int start = kLatest, finish = kLatest;
                for (const int *c = m_children.begin(v); c != m_children.end(v); ++c) {
                    start = std::min(start, starts[size_t(*c)]);
                    finish = std::min(finish, finishes[size_t(*c)]);
                }
                starts[size_t(v)] = start;
                finishes[size_t(v)] = finish;
                continue;
            }
            const int task = v >= m_n ? v - m_n : v;
            const Task &t = m_tasks[size_t(task)];
            int start = kLatest, finish = v >= m_n ? kLatest : m_finish;
            if (t.parent >= 0 && t.parent < m_n) {
                start = std::min(start, starts[size_t(m_n + t.parent)]);
                finish = std::min(finish, finishes[size_t(m_n + t.parent)]);
            }
            for (const int *l = m_from.begin(task); l != m_from.end(task); ++l) {
                const Link &k = m_links[size_t(*l)];
                const int bound = (bindsStart(k.type) ? starts[size_t(k.to)] : finishes[size_t(k.to)]) - k.lag;
                int &latest = fromStart(k.type) ? start : finish;
                latest = std::min(latest, bound);
            }
            if (v >= m_n) { // a roll-up: its tasks take these
                starts[size_t(v)] = start;
                finishes[size_t(v)] = finish;
                continue;
            }
            if (t.constraint == Constraint::StartNoLaterThan) start = std::min(start, t.constraintDay);
            if (t.constraint == Constraint::FinishNoLaterThan) finish = std::min(finish, t.constraintDay);
            leaf(v, std::min(start, finish - duration(v)));
        }
    }

    bool satisfied(const Link &l) const
    {
        const int to = outNode(l.to);
        if (!m_summary[size_t(l.to)]) return (bindsStart(l.type) ? m_s[size_t(to)] : m_f[size_t(to)]) >= demand(l);
        // Into a summary: each of its tasks (its roll-up's first start and,
        // for a finish, the earliest finish among its tasks) must keep it.
        if (bindsStart(l.type)) return m_s[size_t(to)] >= demand(l);
        return earliestFinish(l.to) >= demand(l);
    }

    int earliestFinish(int summary) const
    {
        int finish = kLatest;
        for (const int *c = m_children.begin(summary); c != m_children.end(summary); ++c)
            finish = std::min(finish, m_summary[size_t(*c)] ? earliestFinish(*c) : m_f[size_t(*c)]);
        return finish;
    }

    const std::vector<Task> &m_tasks;
    const std::vector<Link> &m_links;
    const int m_start;
    const int m_n;
    int m_finish = 0;
    std::vector<bool> m_summary;
    Lists m_into, m_from, m_children;
    std::vector<int> m_order;
    std::vector<int> m_s, m_f; // early (then scheduled) start and finish by node
};

} // namespace

Schedule schedule(const std::vector<Task> &tasks, const std::vector<Link> &links, int projectStart)
{
    return Planner(tasks, links, projectStart).run();
}

} // namespace liuhe::cpm
