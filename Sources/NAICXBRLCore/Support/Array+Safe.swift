extension Array {
    /// The element at `index`, or nil when `index` is nil or out of bounds.
    @inlinable
    @_spi(Stages) public subscript(safe index: Int?) -> Element? {
        guard let index, index >= 0, index < count else { return nil }
        return self[index]
    }
}
