// Supplier quotes side by side (比价): for one requisition, every quote the
// caller may read that was received or accepted, each priced for the quantities
// the requisition asks (so quotes for different quantities compare fairly), with
// its longest lead time, and the cheapest complete, unexpired quote marked. The
// buyer then accepts that quote with supplier_quote.accept, which orders it.
#pragma once

#include "auth/caller.h"
#include "protocol/reply.h"

#include <QCborMap>

namespace liuhe::store {
class Db;
}

namespace liuhe::rpc {
class CallRegistry;
}

namespace liuhe::purchase {

// {requisition_id} -> {requisition_id, number, products[], quotes[], cheapest_quote_id}
protocol::Reply compareQuotes(store::Db &db, const auth::Caller &caller, const QCborMap &args);

void registerPurchaseCalls(rpc::CallRegistry &calls);

} // namespace liuhe::purchase
