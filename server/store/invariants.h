// The store's invariants, checked by `liuhe-cli check` and the tests: the audit
// chain, and whatever each module registers (stock ledger = on-hand, …).
#pragma once

#include <QString>
#include <QStringList>
#include <functional>
#include <vector>

namespace liuhe::store {

class Db;

struct Invariant {
    QString name;
    std::function<QStringList(Db &)> check; // problems found; empty = holds
};

class Invariants {
public:
    static Invariants &instance();
    void add(Invariant invariant) { m_list.push_back(std::move(invariant)); }
    const std::vector<Invariant> &all() const { return m_list; }

private:
    std::vector<Invariant> m_list;
};

} // namespace liuhe::store
