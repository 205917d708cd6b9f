import Glibc

/// A first-in, first-out queue between one producer and worker threads, bounded by the bytes
/// it holds, so a fast reader cannot fill memory ahead of slow scanners.
///
/// `push` blocks while the queue holds `byteLimit` bytes or more (an item larger than the
/// limit is still taken when the queue is empty); `pop` blocks while it is empty and open, and
/// returns nil once it is closed and drained. Built for one producer: `pop` wakes only it.
///
/// `@unchecked Sendable`: every access to the stored state happens under `mutex`.
final class BlockingQueue<Item>: @unchecked Sendable {
    private var items: [(item: Item, bytes: Int)?] = []
    private var head = 0
    private var bytesHeld = 0
    private var isClosed = false
    private let byteLimit: Int
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let notEmpty = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let notFull = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(byteLimit: Int) {
        self.byteLimit = byteLimit
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(notEmpty, nil)
        pthread_cond_init(notFull, nil)
    }

    deinit {
        pthread_cond_destroy(notEmpty)
        pthread_cond_destroy(notFull)
        pthread_mutex_destroy(mutex)
        notEmpty.deallocate()
        notFull.deallocate()
        mutex.deallocate()
    }

    /// Adds `item`, which holds `bytes` bytes; waits while the queue is full.
    func push(_ item: Item, bytes: Int) {
        pthread_mutex_lock(mutex)
        while bytesHeld > 0 && bytesHeld + bytes > byteLimit {
            pthread_cond_wait(notFull, mutex)
        }
        items.append((item, bytes))
        bytesHeld += bytes
        pthread_cond_signal(notEmpty)
        pthread_mutex_unlock(mutex)
    }

    /// Takes the oldest item; nil once the queue is closed and empty.
    func pop() -> Item? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == items.count && !isClosed {
            pthread_cond_wait(notEmpty, mutex)
        }
        guard head < items.count, let entry = items[head] else { return nil }
        items[head] = nil
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        bytesHeld -= entry.bytes
        // Only the one producer waits for room.
        pthread_cond_signal(notFull)
        return entry.item
    }

    /// Ends the queue: workers finish what is in it, then `pop` returns nil.
    func close() {
        pthread_mutex_lock(mutex)
        isClosed = true
        pthread_cond_broadcast(notEmpty)
        pthread_mutex_unlock(mutex)
    }
}
