import Glibc

/// A last-in, first-out work stack shared by the walker's threads.
///
/// `pop` blocks while the stack is empty and another worker still holds an item (which may
/// push more); it returns nil once the stack is empty and every worker is idle, which ends the
/// walk. Depth-first order keeps the stack small: it holds the unvisited entries of the folders
/// on the current paths, never the whole tree.
///
/// `@unchecked Sendable`: every access to `items` and `busyWorkers` happens under `mutex`.
final class WorkQueue<Item>: @unchecked Sendable {
    private var items: [Item] = []
    private var busyWorkers = 0
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Adds work; wakes waiting workers.
    func push(_ newItems: some Sequence<Item>) {
        pthread_mutex_lock(mutex)
        items.append(contentsOf: newItems)
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Takes the next item, marking the caller busy until it calls `finish()`.
    func pop() -> Item? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while items.isEmpty && busyWorkers > 0 {
            pthread_cond_wait(condition, mutex)
        }
        guard let item = items.popLast() else {
            pthread_cond_broadcast(condition)
            return nil
        }
        busyWorkers += 1
        return item
    }

    /// Marks the item the caller popped as done.
    func finish() {
        pthread_mutex_lock(mutex)
        busyWorkers -= 1
        if busyWorkers == 0 && items.isEmpty { pthread_cond_broadcast(condition) }
        pthread_mutex_unlock(mutex)
    }
}
