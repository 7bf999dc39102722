// The attachment calls (附件): attachment.list, upload, download and delete on
// any record of any entity, checked against the parent record's permissions and
// record rules.
#pragma once

#include "rpc/call_registry.h"

namespace liuhe::attachments {

void registerAttachmentCalls(rpc::CallRegistry &calls);

} // namespace liuhe::attachments
