/// Text inside markdown tables, for the generated README and `smgen diff --format markdown`.
enum Markdown {
    /// Text in a table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }

    /// Text in a table cell as inline code (backticks inside become quotes).
    static func code(_ text: String) -> String {
        "`" + cell(text).replacingAll("`", with: "'") + "`"
    }
}
