import Foundation

/// `smgen graph`: the stacks of an environment and their dependencies (with `resources`, the
/// resources of each stack too), as Mermaid or Graphviz DOT, for reviewers to look at.
public enum GraphCommand {
    public enum Format: String, CaseIterable, Sendable {
        case mermaid, dot
    }

    public static func run(configPath: String, environment: String?, format: Format, resources: Bool) -> CommandResult {
        let result = ConfigLoader.load(path: configPath)
        guard let config = result.config else { return .invalid(result.diagnostics, omitted: result.omitted) }
        let warnings = result.diagnostics.map { "\($0)\n" }.joined()
        guard
            let target = environment.map({ name in config.environments.first { $0.name == name } })
                ?? config.environments.first
        else {
            let known = config.environments.map(\.name).joined(separator: ", ")
            return CommandResult(
                stderr: warnings + "error: no environment '\(environment ?? "")' in \(configPath); it has: \(known)\n",
                exitCode: CommandResult.invalid)
        }
        let plan = Planner.plan(config, target)
        let built = resources ? built(plan, config) : nil
        let text = format == .mermaid ? mermaid(plan, resources: built)! : dot(plan, resources: built)
        return CommandResult(stdout: text, stderr: warnings)
    }

    /// Each stack's resources, by stack name.
    private static func built(_ plan: EnvironmentPlan, _ config: Config) -> [String: [CloudFormationTemplate.Resource]]
    {
        Dictionary(
            uniqueKeysWithValues: BuiltPart.stacks(of: plan, config).map { ($0.plan.name, $0.template.resources) })
    }

    /// A Mermaid flowchart, left to right in deploy order: an arrow from each stack to those
    /// that depend on it; with `resources` (by stack name), each stack's resources in it.
    /// `family`, when given, draws every stack whose name starts with it as one node
    /// (the README shows the users stacks that way); nil as soon as it grows over `limit`
    /// bytes (the graph of a large org is not built only to be thrown away).
    static func mermaid(
        _ plan: EnvironmentPlan, resources: [String: [CloudFormationTemplate.Resource]]?, family: String? = nil,
        within limit: Int = .max
    ) -> String? {
        let shown = { (name: String) -> String in
            guard let family, name.hasPrefix(family) else { return name }
            return family + "*"
        }
        // Each stack's node id and a number for it (the same for the same id), made once: a
        // large org's stacks have thousands of edges, told apart by their ends' numbers.
        var nodes: [String: (id: String, number: Int)] = [:]
        var numbers: [String: Int] = [:]
        func node(_ name: String) -> (id: String, number: Int) {
            if let known = nodes[name] { return known }
            var bytes: [UInt8] = []
            for byte in shown(name).utf8 {
                switch byte {
                case UInt8(ascii: "-"): bytes.append(UInt8(ascii: "_"))
                case UInt8(ascii: "*"): bytes += "all".utf8
                default: bytes.append(byte)
                }
            }
            let id = String(decoding: bytes, as: UTF8.self)
            let number = numbers[id] ?? numbers.count
            numbers[id] = number
            nodes[name] = (id, number)
            return (id, number)
        }
        var out = "flowchart LR\n"
        var drawn = Set<String>()
        for stack in plan.stacks where drawn.insert(shown(stack.name)).inserted {
            let id = node(stack.name).id
            if let resources {
                out += "  subgraph \(id)[\"\(stack.name)\"]\n"
                for resource in resources[stack.name]! {
                    out += "    \(id)__\(resource.logicalId)[\"\(resource.logicalId)<br/>\(resource.type)\"]\n"
                }
                out += "  end\n"
            } else {
                out += "  \(id)[\"\(shown(stack.name))\"]\n"
            }
            if out.utf8.count > limit { return nil }
        }
        var edges = Set<Int>()
        for stack in plan.stacks {
            let to = node(stack.name)
            for dependency in stack.dependsOn {
                let from = node(dependency)
                if edges.insert(from.number << 32 | to.number).inserted {
                    out += "  \(from.id) --> \(to.id)\n"
                }
            }
            if out.utf8.count > limit { return nil }
        }
        return out
    }

    /// The same graph in Graphviz DOT.
    static func dot(_ plan: EnvironmentPlan, resources: [String: [CloudFormationTemplate.Resource]]?) -> String {
        var out = "digraph smgen {\n  rankdir=LR;\n  node [shape=box, fontname=\"Helvetica\"];\n"
        for stack in plan.stacks {
            if let resources {
                out +=
                    "  subgraph \"cluster_\(stack.name)\" {\n    label=\"\(stack.name)\";\n    \"\(stack.name)\" [shape=point, style=invis];\n"
                for resource in resources[stack.name]! {
                    out +=
                        "    \"\(stack.name)/\(resource.logicalId)\" [label=\"\(resource.logicalId)\\n\(resource.type)\"];\n"
                }
                out += "  }\n"
            } else {
                out += "  \"\(stack.name)\";\n"
            }
        }
        for stack in plan.stacks {
            for dependency in stack.dependsOn {
                out +=
                    resources != nil
                    ? "  \"\(dependency)\" -> \"\(stack.name)\" [ltail=\"cluster_\(dependency)\", lhead=\"cluster_\(stack.name)\"];\n"
                    : "  \"\(dependency)\" -> \"\(stack.name)\";\n"
            }
        }
        return out + "}\n"
    }
}
