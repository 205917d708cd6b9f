import Glibc

/// A first-in, first-out queue between one producer and worker threads, bounded by the bytes
/// it holds, so a fast reader cannot fill memory ahead of slow scanners.
///
/// `push` blocks while the queue holds `byteLimit` bytes or more (an item larger than the
/// limit is still taken when the queue is empty); `pop` blocks while it is empty and open, and
/// returns nil once it is closed and drained.
///
/// `@unchecked Sendable`: every access to the stored state happens under `mutex`.
final class BlockingQueue<Item>: @unchecked Sendable {
    private var items: [(item: Item, bytes: Int)?] = []
    private var head = 0
    private var bytesHeld = 0
    private var isClosed = false
    private let byteLimit: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(byteLimit: Int) {
        self.byteLimit = byteLimit
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Adds `item`, which holds `bytes` bytes; waits while the queue is full.
    func push(_ item: Item, bytes: Int) {
        pthread_mutex_lock(mutex)
        while bytesHeld > 0 && bytesHeld + bytes > byteLimit {
            pthread_cond_wait(changed, mutex)
        }
        items.append((item, bytes))
        bytesHeld += bytes
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// Takes the oldest item; nil once the queue is closed and empty.
    func pop() -> Item? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == items.count && !isClosed {
            pthread_cond_wait(changed, mutex)
        }
        guard head < items.count, let entry = items[head] else { return nil }
        items[head] = nil
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        bytesHeld -= entry.bytes
        pthread_cond_broadcast(changed)
        return entry.item
    }

    /// Ends the queue: workers finish what is in it, then `pop` returns nil.
    func close() {
        pthread_mutex_lock(mutex)
        isClosed = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }
}
