"""The entities in the sidebar: grouped by type, most mentioned first within each group."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.model import Entity, EntityType
from reader.ui.display import safe_line
from reader.ui.fitted import FittedLine
from reader.ui.messages import EntityChosen
from reader.ui.widgets.sidebar_list import SidebarList

TYPE_LABELS: dict[EntityType, str] = {
    EntityType.PERSON: "People",
    EntityType.ORG: "Organisations",
    EntityType.PLACE: "Places",
    EntityType.NORP: "Groups and nationalities",
    EntityType.PRODUCT: "Products",
    EntityType.EVENT: "Events",
    EntityType.DATE: "Dates",
    EntityType.OTHER: "Other",
}
"""Group headings, in the order the groups are listed."""


def by_salience(entities: Sequence[Entity]) -> list[Entity]:
    """Most mentioned first; ties go to the one named first in the article."""
    return sorted(
        entities,
        key=lambda e: (-len(e.mentions), min((m.start for m in e.mentions), default=0), e.name),
    )


def entity_prompt(entity: Entity) -> FittedLine:
    """One line of the list: the name (safe, untrusted), shortened to fit, and its mention
    count, always whole."""
    count = len(entity.mentions)
    return FittedLine(
        safe_line(entity.name),
        left=Content("  "),
        right=Content(f"  {count}").stylize(".entity-list--count", 2),
    )


class EntityList(SidebarList):
    """Entities grouped by type; choosing one highlights its mentions in the article."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *SidebarList.COMPONENT_CLASSES,
        "entity-list--group",
        "entity-list--count",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entities: list[Entity] = []

    def show_entities(self, entities: Sequence[Entity], empty: str = "No names found") -> None:
        """List ``entities`` (replacing what was listed)."""
        options: list[Option] = []
        self.entities = []
        ranked = by_salience(entities)
        for entity_type, label in TYPE_LABELS.items():
            group = [e for e in ranked if e.type is entity_type]
            if not group:
                continue
            options.append(Option(Content(label).stylize(".entity-list--group"), disabled=True))
            for entity in group:
                options.append(Option(entity_prompt(entity), id=f"entity-{len(self.entities)}"))
                self.entities.append(entity)
        if not options:
            options.append(Option(Content(empty).stylize("italic"), disabled=True))
        self.set_options(options)

    def entity_of(self, option: Option) -> Entity | None:
        """The entity behind a chosen option."""
        if option.id is None or not option.id.startswith("entity-"):
            return None
        return self.entities[int(option.id.removeprefix("entity-"))]

    def option_id_of(self, entity: Entity) -> str | None:
        """The option that lists ``entity``."""
        for number, listed in enumerate(self.entities):
            if listed is entity:
                return f"entity-{number}"
        return None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on an entity: tell the app which one."""
        event.stop()
        entity = self.entity_of(event.option)
        if entity is not None:
            self.post_message(EntityChosen(entity))
