import Synchronization

/// Test seam: the paths of the assessment files a store read (`SessionStore.readObserver`), so a
/// test can prove a list made from a fresh index reads none of them.
final class ReadObserver: Sendable {
    private let paths = Mutex<[String]>([])

    init() {}

    func saw(_ path: String) { paths.withLock { $0.append(path) } }

    /// The paths read so far, in order.
    var read: [String] { paths.withLock { $0 } }
}
