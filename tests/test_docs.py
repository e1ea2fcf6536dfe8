"""The README documents every command and every field of the export contract."""


from extractor.cli import cli
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_mentions_every_command():
    for name in cli.commands:
        assert f"plangraph {name}" in README, name


def test_readme_gives_the_two_setup_commands():
    assert "make graph" in README and "make test" in README


def test_readme_documents_the_contract_fields():
    for field in ["document", "type", "text", "start", "end", "value", "unit", "sentence", "aliases",
                  "wikidata", "mentions", "documents", "kind", "actor", "actor_id", "action",
                  "object", "amount", "date", "place", "quote", "confidence", "attributed_to",
                  "factuality"]:
        assert f"`{field}`" in README, field


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci
