"""`seedcards import`: a package into an Anki collection with the official anki package."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from seedcards.errors import UserError

_CONDITIONS = {"if-newer": "IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER",
               "always": "IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS",
               "never": "IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_NEVER"}


@dataclass
class ImportResult:
    new: int
    updated: int
    unchanged: int
    conflicting: int


def import_package(package: Path, collection_path: Path, update_notes: str = "if-newer",
                   update_notetypes: str = "if-newer", merge_notetypes: bool = False,
                   create: bool = False) -> ImportResult:
    try:
        from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
        from anki.errors import DBError
        from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition
    except ImportError as exc:
        raise UserError("importing needs the official anki package, which is not installed.",
                        hint="Install it with: pip install 'seedcards[anki]'  (or import the .apkg with Anki's File > Import).") from exc
    if not collection_path.exists() and not create:
        raise UserError("no collection at this path.", collection_path,
                        hint="Anki keeps it in its profile folder (e.g. ~/.local/share/Anki2/User 1/collection.anki2); "
                             "pass --create to start a new one.")
    try:
        collection = Collection(str(collection_path))
    except DBError as exc:
        raise UserError("the collection is open in Anki (or another program).", collection_path,
                        hint="Close Anki, or switch it to another profile, and run the import again.") from exc
    try:
        options = ImportAnkiPackageOptions(
            merge_notetypes=merge_notetypes,
            update_notes=getattr(ImportAnkiPackageUpdateCondition, _CONDITIONS[update_notes]),
            update_notetypes=getattr(ImportAnkiPackageUpdateCondition, _CONDITIONS[update_notetypes]),
            with_scheduling=False, with_deck_configs=False)
        log = collection.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options)).log
    finally:
        collection.close()
    return ImportResult(len(log.new), len(log.updated), len(log.duplicate), len(log.conflicting))
