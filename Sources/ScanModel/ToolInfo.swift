/// The tool's name and version as every report states them.
public enum ToolInfo {
    public static let name = "pasbyscan"
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/pasby/pasbyscan"
}
