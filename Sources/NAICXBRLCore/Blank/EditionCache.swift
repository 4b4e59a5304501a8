import Foundation

/// What is worked out once per edition of a blank and process (a taxonomy, the xBRL-CSV
/// templates, a writer's layout), kept by the edition's key and shared by every thread.
package final class EditionCache<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [String: Value] = [:]

    package init() {}

    /// The value for `blank`'s edition: `make()`'s the first time, under the cache's lock (so it
    /// is made once), the same afterwards.
    package func value(for blank: Blank, _ make: () -> Value) -> Value {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[blank.editionKey] { return known }
        let value = make()
        values[blank.editionKey] = value
        return value
    }
}
