#include "rpc/cpu_pool.h"

namespace liuhe::rpc {

CpuPool::CpuPool(int threads)
{
    for (int i = 0; i < threads; ++i)
        m_threads.emplace_back([this] {
            for (;;) {
                std::function<void()> task;
                {
                    std::unique_lock lock(m_mutex);
                    m_ready.wait(lock, [this] { return m_stopping || !m_tasks.empty(); });
                    if (m_tasks.empty()) return;
                    task = std::move(m_tasks.front());
                    m_tasks.pop_front();
                }
                task();
            }
        });
}

CpuPool::~CpuPool() { stop(); }

void CpuPool::post(std::function<void()> task)
{
    {
        std::lock_guard lock(m_mutex);
        m_tasks.push_back(std::move(task));
    }
    m_ready.notify_one();
}

void CpuPool::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_ready.notify_all();
    for (auto &t : m_threads)
        if (t.joinable()) t.join();
    m_threads.clear();
}

} // namespace liuhe::rpc
