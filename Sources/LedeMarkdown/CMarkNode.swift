internal import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A borrowed node of a cmark tree, valid while the tree is (inside
/// ``CMarkDocument/withParsed(_:options:at:_:)``).
///
/// > Warning: Nodes are not owned: only the document's root is freed, with everything
/// > below it. A node unlinked from the tree must be freed by whoever unlinks it.
struct CMarkNode {
    /// The cmark handle.
    let pointer: OpaquePointer

    /// The node type (`CMARK_NODE_TEXT`, …).
    var type: cmark_node_type { cmark_node_get_type(pointer) }

    /// Whether nodes of `type` are blocks (paragraph, list, table cell, …) rather than inlines.
    static func isBlock(_ type: cmark_node_type) -> Bool {
        // CMARK_NODE_TYPE_MASK and CMARK_NODE_TYPE_BLOCK: extension types (tables) share them.
        type.rawValue & 0xc000 == 0x8000
    }

    /// The text of a text, code, code block or HTML node; empty for others.
    var literal: String {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_literal(pointer, newValue) }
    }

    /// The text of a text, code, code block or HTML node as UTF-8 bytes borrowed from cmark;
    /// empty for others.
    ///
    /// > Warning: Valid only until the node's literal is set or the node is freed: copy what
    /// > must outlive either.
    var literalBytes: UnsafeBufferPointer<UInt8> {
        guard let literal = cmark_node_get_literal(pointer) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(
            start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
    }

    /// The destination of a link or image.
    var url: String {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } ?? "" }
        nonmutating set { cmark_node_set_url(pointer, newValue) }
    }

    /// The level of a heading, 1 to 6.
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

    /// The 1-based line and column where the node starts in the parsed text, taken from the
    /// nearest ancestor that has one (extension nodes such as bare autolinks may lack it);
    /// `(0, 0)` when none has.
    var startPosition: (line: Int, column: Int) {
        var node: CMarkNode? = self
        while let current = node {
            let line = Int(cmark_node_get_start_line(current.pointer))
            if line > 0 { return (line, Int(cmark_node_get_start_column(current.pointer))) }
            node = current.parent
        }
        return (0, 0)
    }

    /// The parent, `nil` for the root.
    var parent: CMarkNode? { cmark_node_parent(pointer).map(CMarkNode.init(pointer:)) }

    /// The first child, if any.
    var firstChild: CMarkNode? { cmark_node_first_child(pointer).map(CMarkNode.init(pointer:)) }

    /// Whether the node has exactly one child, of type `type`.
    func hasOnlyChild(ofType type: cmark_node_type) -> Bool {
        guard let child = firstChild else { return false }
        return child.type == type && cmark_node_next(child.pointer) == nil
    }

    /// The text of the node and its descendants without markup, as cmark's plain-text
    /// renderer would give it on one line.
    var plainText: String {
        var text = ""
        walk { node, entering in
            guard entering else { return }
            switch node.type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += node.literal
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    /// Visits the node and its descendants in document order; containers are visited on
    /// entry and exit, leaves once with `entering` true.
    ///
    /// > Warning: `body` must not unlink or free nodes: collect them, change them afterwards.
    func walk(_ body: (_ node: CMarkNode, _ entering: Bool) throws -> Void) rethrows {
        guard let iterator = cmark_iter_new(pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            try body(CMarkNode(pointer: node), event == CMARK_EVENT_ENTER)
        }
    }

    /// Creates a detached custom node.
    static func makeCustom(_ markup: CMarkCustomMarkup) -> CMarkNode? {
        guard let node = cmark_node_new(markup.type) else { return nil }
        cmark_node_set_on_enter(node, markup.onEnter)
        cmark_node_set_on_exit(node, markup.onExit)
        return CMarkNode(pointer: node)
    }

    /// Creates a detached text node.
    static func makeText(_ literal: String) -> CMarkNode? {
        guard let node = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        cmark_node_set_literal(node, literal)
        return CMarkNode(pointer: node)
    }

    /// Moves every child of this node, in order, to the end of `destination`'s children.
    func moveChildren(to destination: CMarkNode) {
        while let child = firstChild {
            cmark_node_unlink(child.pointer)
            cmark_node_append_child(destination.pointer, child.pointer)
        }
    }

    /// Puts the detached `node` right after this one; frees `node` if cmark refuses it there,
    /// so it never leaks.
    /// - Returns: Whether `node` is now in the tree.
    @discardableResult
    func insertAfter(_ node: CMarkNode) -> Bool {
        guard cmark_node_insert_after(pointer, node.pointer) != 0 else {
            cmark_node_free(node.pointer)
            return false
        }
        return true
    }

    /// Replaces this node with nested custom nodes, outermost first, moving its children
    /// into the innermost one, and frees this node. Nothing changes when cmark refuses.
    /// - Returns: Whether the replacement happened.
    @discardableResult
    func replace(withCustom layers: [CMarkCustomMarkup]) -> Bool {
        guard let first = layers.first, let outer = Self.makeCustom(first) else { return false }
        var inner = outer
        for layer in layers.dropFirst() {
            guard let node = Self.makeCustom(layer) else {
                cmark_node_free(outer.pointer)
                return false
            }
            guard cmark_node_append_child(inner.pointer, node.pointer) != 0 else {
                cmark_node_free(node.pointer)
                cmark_node_free(outer.pointer)
                return false
            }
            inner = node
        }
        moveChildren(to: inner)
        guard cmark_node_replace(pointer, outer.pointer) != 0 else {
            inner.moveChildren(to: self)
            cmark_node_free(outer.pointer)
            return false
        }
        cmark_node_free(pointer)
        return true
    }
}

/// A custom node's HTML: emitted as is around its children, even in safe mode.
struct CMarkCustomMarkup {
    /// `CMARK_NODE_CUSTOM_INLINE` or `CMARK_NODE_CUSTOM_BLOCK`.
    var type: cmark_node_type
    /// The HTML before the children.
    var onEnter: String
    /// The HTML after the children.
    var onExit: String
}
