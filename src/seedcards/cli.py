"""The command line. Commands only parse options, call the stages and print.

Heavy modules are imported inside the commands that need them, so `seedcards --help`
stays fast.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from seedcards import __version__


class _Group(click.Group):
    """Turns a user's mistake into one clear paragraph and exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        from seedcards.errors import UserError
        try:
            return super().invoke(ctx)
        except UserError as problem:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.secho(f"error: {problem.render()}", err=True, fg="red")
            sys.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seedcards")
@click.option("--debug", is_flag=True, help="Show a traceback for errors (for bug reports).")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Turn writing about AI safety into Anki decks you can study.

    \b
    Typical use, from a project folder (one with decks/ and seeds/):
      seedcards extract seeds/      preview the cards found in some posts
      seedcards build               write build/<deck>.apkg for every deck in decks/
    """
    ctx.obj = {"debug": debug}


def _audio_options(command):
    """The options every command that speaks shares."""
    options = [
        click.option("--engine", type=click.Choice(["pyttsx3", "espeak-ng"]), default="pyttsx3", show_default=True,
                     help="Speech engine: pyttsx3 (system voices; eSpeak NG on Linux) or the espeak-ng command."),
        click.option("--voice", default=None, help="Voice id or name (see `seedcards voices`).  [default: the engine's]"),
        click.option("--rate", type=click.IntRange(80, 500), default=175, show_default=True, help="Words per minute."),
        click.option("--jobs", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Worker processes for synthesis."),
        click.option("--cache", "cache_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                     help="Speech cache.  [default: $SEEDCARDS_CACHE or ~/.cache/seedcards]"),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _engine_spec(engine: str, voice: str | None, rate: int):
    from seedcards.audio.engines import EngineSpec

    return EngineSpec(engine, voice, rate)


@main.command()
@click.option("--decks", "decks_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of deck files (*.yaml).  [default: ./decks]")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where the .apkg files go.  [default: ./build]")
@click.option("-q", "--quiet", is_flag=True, help="Print only warnings and errors.")
@click.option("--audio", is_flag=True, help="Give definition and claim cards a spoken clip on the back.")
@_audio_options
def build(decks_dir: Path | None, out_dir: Path | None, quiet: bool, audio: bool, engine: str, voice: str | None,
          rate: int, jobs: int, cache_dir: Path | None) -> None:
    """Build one Anki package (.apkg) per deck file.

    Notes keep their identity across builds (recorded in decks/seedcards.lock), so
    re-importing a rebuilt deck updates your notes in place and keeps their reviews.
    """
    from seedcards.build import build as run_build
    from seedcards.report import print_build_report

    project = Path.cwd()
    seen = []

    def progress(path: str) -> None:
        seen.append(path)
        if not quiet:
            click.echo(f"  reading {path}", err=True)

    settings = None
    if audio:
        from seedcards.audio.cache import default_cache_dir
        from seedcards.build import AudioSettings

        settings = AudioSettings(_engine_spec(engine, voice, rate), cache_dir or default_cache_dir(), jobs)
    report = run_build(project, decks_dir, out_dir, progress=progress, audio=settings)
    print_build_report(report, quiet=quiet)
    if report.failures:
        sys.exit(1)


@main.command()
@click.option("--decks", "decks_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of deck files (*.yaml).  [default: ./decks]")
def check(decks_dir: Path | None) -> None:
    """Check deck files, templates and sources without writing anything (for editors and CI).

    Exits 0 when every deck would build, 1 otherwise; warnings do not fail the check.
    """
    from seedcards.build import build as run_build
    from seedcards.report import print_check_report

    report = run_build(Path.cwd(), decks_dir, dry_run=True)
    print_check_report(report)
    if report.failures:
        sys.exit(1)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json", "yaml"]), default="table",
              show_default=True, help="table for reading; jsonl/json for scripts; yaml to paste into a deck.")
@click.option("--min-score", type=click.FloatRange(0, 1), default=None,
              help="Drop candidates scored below this (0..1).  [default: 0.5]")
@click.option("--topics", "topics_path", type=click.Path(dir_okay=False, exists=True, path_type=Path), default=None,
              help="Topic vocabulary.  [default: ./decks/topics.yaml]")
def extract(paths: tuple[Path, ...], fmt: str, min_score: float | None, topics_path: Path | None) -> None:
    """Preview the cards seedcards finds in files or folders (default: seeds/)."""
    from seedcards import readers, resources
    from seedcards.build import read_documents
    from seedcards.extract import DEFAULT_MIN_SCORE, extract_documents
    from seedcards.extract.topics import load_topics
    from seedcards.report import print_cards

    project = Path.cwd()
    if not paths:
        if not (project / "seeds").is_dir():
            raise click.UsageError("name files or folders to read (there is no ./seeds folder).")
        paths = (project / "seeds",)
    topics = load_topics(topics_path or resources.topics_file(project / "decks"))
    files = list(readers.expand(paths))
    warnings: list[str] = []
    documents = read_documents(files, project, warnings)
    cards = list(extract_documents(documents, topics, DEFAULT_MIN_SCORE if min_score is None else min_score))
    print_cards(cards, fmt)
    for warning in warnings:
        click.secho(f"warning: {warning}", err=True, fg="yellow")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("build/audio"),
              show_default=True, help="Where the MP3 files and feed.xml go.")
@click.option("--base-url", default="", help="URL the folder will be served from, for the feed's enclosures.")
@click.option("--title", default="seedcards readings", show_default=True, help="Podcast (album) title.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@_audio_options
def narrate(paths: tuple[Path, ...], out_dir: Path, base_url: str, title: str, quiet: bool, engine: str,
            voice: str | None, rate: int, jobs: int, cache_dir: Path | None) -> None:
    """Read documents aloud: one MP3 per document (tagged, with chapters) and a podcast feed.

    PATHS are files or folders (default: seeds/). Unchanged documents are not made again,
    and no piece of text is ever synthesized twice (see --cache).
    """
    from seedcards import readers
    from seedcards.audio.cache import default_cache_dir
    from seedcards.audio.narrate import count_pieces, narrate_documents
    from seedcards.audio.speech import load_pronunciations
    from seedcards.audio.synthesis import Synthesizer
    from seedcards.build import read_documents

    project = Path.cwd()
    paths = paths or (project / "seeds",)
    warnings: list[str] = []
    documents = list(read_documents(list(readers.expand(paths)), project, warnings))
    say = load_pronunciations(project / "decks" / "pronunciations.yaml")
    with Synthesizer(_engine_spec(engine, voice, rate), cache_dir or default_cache_dir(), jobs) as synth:
        total = count_pieces(documents, say)
        with click.progressbar(length=total, label="narrating", file=sys.stderr,
                               hidden=quiet or not sys.stderr.isatty()) as bar:
            report = narrate_documents(documents, out_dir, synth, say, album=title, base_url=base_url,
                                       progress=bar.update)
    for warning in warnings + report.failures:
        click.secho(f"warning: {warning}", err=True, fg="yellow")
    minutes, seconds = divmod(int(round(report.seconds)), 60)
    click.echo(f"{len(report.episodes)} episodes ({report.reused} unchanged), {minutes // 60}:{minutes % 60:02d}:{seconds:02d} "
               f"of audio; {synth.stats.synthesized} pieces synthesized, {synth.stats.cached} from the cache")
    click.echo(f"  -> {out_dir}/ and {report.feed}")


@main.command()
@click.option("--engine", type=click.Choice(["pyttsx3", "espeak-ng"]), default="pyttsx3", show_default=True)
@click.option("--language", default=None, help="Only voices whose id or language starts with this (e.g. en).")
def voices(engine: str, language: str | None) -> None:
    """List the voices a speech engine offers (ids for --voice)."""
    from seedcards.audio.engines import open_engine

    found = open_engine(_engine_spec(engine, None, 175)).voices()
    for voice in found:
        tags = " ".join(voice.languages)
        if language and not (voice.id.rsplit("/", 1)[-1].startswith(language) or tags.startswith(language)):
            continue
        click.echo(f"{voice.id:<28} {voice.name:<36} {tags}")
