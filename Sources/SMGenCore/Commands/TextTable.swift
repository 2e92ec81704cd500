import SMGenYAML

/// Left-aligned columns separated by two spaces, with an upper-case header line.
enum TextTable {
    static func render(_ rows: [[(String, String)]], emptyHeader: [String]) -> String {
        let header = (rows.first?.map(\.0) ?? emptyHeader).map { $0.uppercased() }
        let cells = [header] + rows.map { $0.map(\.1) }
        var widths = [Int](repeating: 0, count: header.count)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
        }
        return cells.map { row in
            var line = ""
            for (index, cell) in row.enumerated() {
                line += cell
                if index < row.count - 1 { line += String(repeating: " ", count: widths[index] - cell.count + 2) }
            }
            return line + "\n"
        }.joined()
    }
}
