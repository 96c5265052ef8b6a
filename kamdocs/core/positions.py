"""Line and column of a key path, found in the YAML node tree.

The tree is composed only when a file has findings, so that valid files are
parsed once.
"""

from __future__ import annotations

from collections.abc import Iterable

from yaml.nodes import MappingNode, Node, SequenceNode

from kamdocs.core.loader import Document, StrictLoader
from kamdocs.core.problem import Finding, KeyPath, Problem, format_path


class NodeIndex:
    def __init__(self, text: str) -> None:
        loader = StrictLoader(text)
        try:
            self._root: Node | None = loader.get_single_node()
        finally:
            loader.dispose()

    def locate(self, path: KeyPath, at_key: bool = False) -> tuple[int, int]:
        """1-based position of the value at `path` (of its key if `at_key`),
        or of the deepest enclosing node that exists."""
        node = self._root
        if node is None:
            return 1, 1
        for depth, part in enumerate(path):
            last = depth == len(path) - 1
            child: Node | None = None
            if isinstance(node, MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        child = key_node if (last and at_key) else value_node
                        break
            elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
                child = node.value[part]
            if child is None:
                break
            node = child
        return node.start_mark.line + 1, node.start_mark.column + 1


def to_problems(document: Document, findings: Iterable[Finding]) -> list[Problem]:
    found = list(findings)
    if not found:
        return []
    index = NodeIndex(document.text)
    problems = []
    for finding in found:
        line, column = index.locate(finding.path, finding.at_key)
        problems.append(
            Problem(
                file=document.file,
                line=line,
                column=column,
                path=format_path(finding.path),
                rule=finding.rule,
                message=finding.message,
                severity=finding.severity,
            )
        )
    return sorted(problems, key=lambda p: (p.line, p.column))
