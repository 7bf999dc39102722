// A few threads for CPU-heavy work that must not hold up the store threads or the
// network (argon2id password hashing).
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace liuhe::rpc {

class CpuPool {
public:
    explicit CpuPool(int threads);
    ~CpuPool();
    void post(std::function<void()> task);
    void stop();

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::function<void()>> m_tasks;
    bool m_stopping = false;
    std::vector<std::thread> m_threads;
};

} // namespace liuhe::rpc
