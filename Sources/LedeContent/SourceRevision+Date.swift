import LedeCore

extension SourceRevision {
    /// The revision's date as written (its id) with its instant, to be shown like any other
    /// date; `nil` for an undated current text.
    public var writtenDate: WrittenDate? {
        date.map { WrittenDate(text: id, date: $0, location: SourceLocation(path: path)) }
    }
}
