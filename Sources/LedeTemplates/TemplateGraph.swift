internal import LedeCore

/// What renders inside what: templates, the partials and layouts they include, and the
/// blocks they fill. Built at load, so that a template that would render itself forever, or
/// nest deeper than the renderer's recursion can take, is refused before any render.
///
/// ``TemplateRenderer`` renders by recursion, as swift-mustache does: every section, block, partial and layout is one
/// more level of the call stack, and a partial that includes itself recurses until the
/// stack overflows. So a cycle is refused even when a section might stop it at run time
/// (`{{#children}}{{> tree}}{{/children}}`): recursive partials and layouts are not
/// supported.
///
/// Nodes are whole templates and the blocks a template fills inside a layout tag
/// (`{{<base}}{{$main}}…{{/main}}{{/base}}`: the *override* of `main`). Edges:
/// - a partial tag `{{> x}}` and a layout tag `{{< x}}` lead to template `x`;
/// - a block `{{$main}}…{{/main}}` outside a layout tag leads to every override of `main` in
///   any template: the renderer renders the outermost override passed down through
///   layouts and partials, and which one that is depends on the path a render takes, so
///   each is taken as possible. (A cycle found this way is real: an override that reaches a
///   block of its own name renders itself again, since the outermost override stays.)
///
/// Every edge has a weight: the level of its tag inside its node, counting the sections,
/// blocks and layout tags around it and the tag itself. The deepest a render can go from a
/// template is the heaviest path from it, which must not pass
/// ``TemplateScanner/maximumDepth``.
struct TemplateGraph {
    /// A template, or the content of one override.
    private struct Node {
        /// The template name.
        var template: String
        /// The template's path for errors.
        var path: String
        /// The overridden block's name; `nil` for the whole template.
        var block: String?
        /// Tags at their levels inside the node: openers, partials and layout tags.
        var levels: [Level] = []
        /// Partials, layouts and overrides rendered from here.
        var edges: [Edge] = []

        /// `page`, or `block 'main' of page`.
        var label: String {
            block.map { "block '\($0)' of \(template)" } ?? template
        }
    }

    /// One tag at its level inside its node.
    private struct Level {
        var level: Int
        var tag: TemplateScanner.Tag
        var location: SourceLocation
    }

    /// How one node renders another.
    private struct Edge {
        enum Kind { case partial, layout, block }
        var kind: Kind
        var source: Int
        var target: Int
        /// The level of the tag inside its node; the target's content starts one level below.
        var level: Int
        var location: SourceLocation
    }

    /// A block outside a layout tag, joined to the overrides of its name once every
    /// template is read.
    private struct Expansion {
        var node: Int
        var name: String
        var level: Int
        var location: SourceLocation
    }

    private var nodes: [Node] = []
    private var templateNodes: [String: Int] = [:]
    private var overrides: [String: [Int]] = [:]
    private var expansions: [Expansion] = []
    private var includes: [(node: Int, kind: Edge.Kind, name: String, level: Int, location: SourceLocation)] = []

    /// Adds a template that scanned and parsed without errors.
    /// - Parameters:
    ///   - name: The template name (`partials/head`).
    ///   - path: The path for errors (`Templates/partials/head.mustache`).
    ///   - scanner: Its tags.
    mutating func add(template name: String, path: String, scanner: TemplateScanner) {
        let templateNode = nodes.count
        nodes.append(Node(template: name, path: path))
        templateNodes[name] = templateNode
        // For each opener already seen: the node its content belongs to, and its level there.
        var placement: [Int: (node: Int, level: Int)] = [:]
        let tags = scanner.tags
        for (index, tag) in tags.enumerated() {
            var node = templateNode
            var enclosing = 0
            if let parent = tag.parent, let place = placement[parent] {
                (node, enclosing) = place
            }
            let location = SourceLocation(path: path, line: tag.line, column: tag.column)
            if case .block = tag.kind, let parent = tag.parent, case .parent = tags[parent].kind {
                // An override: its content is a node of its own, rendered where a block of
                // its name is.
                let override = nodes.count
                nodes.append(Node(template: name, path: path, block: tag.name))
                overrides[tag.name, default: []].append(override)
                placement[index] = (override, 0)
                continue
            }
            let level: Int
            switch tag.kind {
            case .section, .block, .parent, .partial: level = enclosing + 1
            case .variable, .close: continue
            }
            nodes[node].levels.append(Level(level: level, tag: tag, location: location))
            switch tag.kind {
            case .partial: includes.append((node, .partial, tag.name, level, location))
            case .parent: includes.append((node, .layout, tag.name, level, location))
            case .block: expansions.append(Expansion(node: node, name: tag.name, level: level, location: location))
            case .section, .variable, .close: break
            }
            if tag.opensSection { placement[index] = (node, level) }
        }
    }

    /// Every cycle and, when there is none, the deepest render if it is too deep.
    /// - Returns: The errors, one per cycle (at the tag of its first step), or one for the
    ///   deepest template; empty when every render ends within the limit.
    mutating func problems() -> [Diagnostic] {
        connect()
        let cycles = findCycles()
        if !cycles.isEmpty { return cycles }
        return depthProblem().map { [$0] } ?? []
    }

    /// Turns partial and layout tags, and blocks, into edges. Unknown names are reported
    /// elsewhere, and templates with errors are not nodes.
    private mutating func connect() {
        for include in includes {
            guard let target = templateNodes[include.name] else { continue }
            nodes[include.node].edges.append(
                Edge(
                    kind: include.kind, source: include.node, target: target, level: include.level,
                    location: include.location))
        }
        for expansion in expansions {
            for target in overrides[expansion.name] ?? [] {
                nodes[expansion.node].edges.append(
                    Edge(
                        kind: .block, source: expansion.node, target: target, level: expansion.level,
                        location: expansion.location))
            }
        }
        includes = []
        expansions = []
    }

    /// Depth-first search without recursion (the graph may be a chain of thousands of
    /// partials); an edge back to a node on the current path closes a cycle.
    private func findCycles() -> [Diagnostic] {
        enum Mark { case unvisited, onPath, done }
        var marks = [Mark](repeating: .unvisited, count: nodes.count)
        var reported = [Bool](repeating: false, count: nodes.count)
        var problems: [Diagnostic] = []
        for root in nodes.indices where marks[root] == .unvisited {
            // The path: each node with the index of its next edge to follow.
            var path: [(node: Int, edge: Int)] = [(root, 0)]
            marks[root] = .onPath
            while let (node, edgeIndex) = path.last {
                guard edgeIndex < nodes[node].edges.count else {
                    marks[node] = .done
                    path.removeLast()
                    continue
                }
                path[path.count - 1].edge += 1
                let target = nodes[node].edges[edgeIndex].target
                switch marks[target] {
                case .unvisited:
                    marks[target] = .onPath
                    path.append((target, 0))
                case .onPath:
                    guard let start = path.firstIndex(where: { $0.node == target }) else { continue }
                    // One message per knot: a cycle through a node of one already reported
                    // is left for the next build (and a thousand partials that all include
                    // each other do not make a million messages).
                    guard !path[start...].contains(where: { reported[$0.node] }) else { continue }
                    path[start...].forEach { reported[$0.node] = true }
                    // Each step of the cycle is the edge just followed out of a node on the path.
                    let steps = path[start...].map { nodes[$0.node].edges[$0.edge - 1] }
                    problems.append(cycleDiagnostic(steps))
                case .done:
                    break
                }
            }
        }
        return problems
    }

    /// `Templates/a.mustache:3:1: error: partial cycle a → b → a`, at the first step's tag.
    private func cycleDiagnostic(_ steps: [Edge]) -> Diagnostic {
        let partials = steps.filter { $0.kind == .partial }.count
        let kind =
            partials == steps.count ? "partial cycle" : partials == 0 ? "layout cycle" : "cycle of partials and layouts"
        let names = [nodes[steps[0].source].label] + steps.map { nodes[$0.target].label }
        return Diagnostic(at: steps[0].location, "\(kind) \(names.joined(separator: " → "))")
    }

    /// The heaviest path from every node, in an order where targets come first (the graph
    /// has no cycle here).
    private func deepest() -> [Int] {
        var depth = [Int?](repeating: nil, count: nodes.count)
        for root in nodes.indices where depth[root] == nil {
            var stack = [root]
            while let node = stack.last {
                if depth[node] != nil {
                    stack.removeLast()
                    continue
                }
                let pending = nodes[node].edges.map(\.target).filter { depth[$0] == nil }
                if !pending.isEmpty {
                    stack.append(contentsOf: pending)
                    continue
                }
                let own = nodes[node].levels.map(\.level).max() ?? 0
                let through = nodes[node].edges.map { $0.level + (depth[$0.target] ?? 0) }.max() ?? 0
                depth[node] = max(own, through)
                stack.removeLast()
            }
        }
        return depth.map { $0 ?? 0 }
    }

    /// The template whose render goes deepest, if past the limit: an error at the first tag
    /// past it, naming the templates and blocks the render passes through.
    private func depthProblem() -> Diagnostic? {
        let limit = TemplateScanner.maximumDepth
        let depth = deepest()
        let entries = templateNodes.values.filter { depth[$0] > limit }
        guard
            let entry = entries.max(by: { (depth[$0], nodes[$1].template) < (depth[$1], nodes[$0].template) })
        else { return nil }
        var node = entry
        var base = 0
        var chain = [nodes[entry].label]
        while true {
            if let crossing = nodes[node].levels.first(where: { base + $0.level > limit }) {
                var verb = "nested"
                if case .partial = crossing.tag.kind { verb = "included" }
                let through = chain.count > 1 ? " through " + chain.joined(separator: " → ") : ""
                return Diagnostic(
                    at: crossing.location,
                    "\(crossing.tag.kind.word) '\(crossing.tag.name)' is \(verb) \(base + crossing.level) levels "
                        + "deep\(through) (the limit is \(limit))")
            }
            // No tag of this node is past the limit, so the deepest path leaves it by an edge.
            guard let next = nodes[node].edges.max(by: { $0.level + depth[$0.target] < $1.level + depth[$1.target] })
            else { return nil }
            base += next.level
            node = next.target
            chain.append(nodes[node].label)
        }
    }
}
