import NAICXBRLCore
/// A namespace URI and local name: how XML Schema identifies a global component.
struct ExpandedName: Hashable, Comparable, Sendable, CustomStringConvertible {
    var namespace: String
    var localName: String

    init(_ namespace: String, _ localName: String) {
        self.namespace = namespace
        self.localName = localName
    }

    /// Clark notation, `{namespace}localName`, as libxml2 prints names in its messages.
    var description: String { "{\(namespace)}\(localName)" }

    static func < (a: ExpandedName, b: ExpandedName) -> Bool {
        (a.namespace, a.localName) < (b.namespace, b.localName)
    }
}
