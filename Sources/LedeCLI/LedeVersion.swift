/// Lede's version and home: the one place each is written, shown by `lede --version` and
/// named in `lede check --format sarif`.
public enum LedeVersion {
    /// The version, as `lede --version` prints it.
    public static let current = "0.14.0"
    /// Where to read about Lede: the `informationUri` of a SARIF log.
    public static let informationURI = "https://github.com/lede-news/lede"
}
