// The guide's lessons as content/ writes them (course.toml and one TOML file
// per lesson), read here so that tests can name cards and their words without
// asking the app, and so that a change of content needs no change of tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const CONTENT = join(__dirname, '..', 'content');

/** The value of a top-level `key = "..."` line of TOML text (the first one), if any. */
export function tomlString(text: string, key: string): string | undefined {
  const m = text.match(new RegExp(`^${key} = ("(?:[^"\\\\]|\\\\.)*")\\s*$`, 'm'));
  // A TOML basic string escapes like JSON does (\" \\ \n \uXXXX).
  return m ? (JSON.parse(m[1]) as string) : undefined;
}

/** The first string of a top-level `key = [ "...", ... ]` array of TOML text, if any. */
function tomlFirstOfArray(text: string, key: string): string | undefined {
  const m = text.match(new RegExp(`^${key} = \\[\\s*("(?:[^"\\\\]|\\\\.)*")`, 'm'));
  return m ? (JSON.parse(m[1]) as string) : undefined;
}

export interface ContentCard {
  id: string;
  /** explain, scenario, reveal, choice or reflect. */
  kind: string;
  title: string;
  /** The first words a person reads under the card's heading. */
  words: string;
  /** App path, /lessons/<section>/<slug>/<card>. */
  path: string;
}

export interface ContentLesson {
  title: string;
  /** Path of the lesson: /lessons/<section>/<slug>. */
  path: string;
  cards: ContentCard[];
}

/** Every lesson of content/course.toml, in path order, with its cards. */
export function contentLessons(): ContentLesson[] {
  const course = readFileSync(join(CONTENT, 'course.toml'), 'utf8');
  return course
    .split(/^\[\[sections\]\]\s*$/m)
    .slice(1)
    .flatMap((section) => {
      const id = tomlString(section, 'id')!;
      const slugs = JSON.parse(section.match(/^lessons = (\[.*\])\s*$/m)![1]) as string[];
      return slugs.map((slug) => {
        const toml = readFileSync(join(CONTENT, 'lessons', id, `${slug}.toml`), 'utf8');
        const path = `/lessons/${id}/${slug}`;
        const [head, ...cardTexts] = toml.split(/^\[\[cards\]\]\s*$/m);
        // Each card's own lines come before its options' and evidence's tables.
        const cards = cardTexts.map((card) => {
          const own = card.split(/^\[/m)[0];
          const cardId = tomlString(own, 'id')!;
          const words =
            tomlFirstOfArray(own, 'body') ??
            tomlFirstOfArray(own, 'story') ??
            tomlString(own, 'question') ??
            tomlString(own, 'prompt') ??
            '';
          return { id: cardId, kind: tomlString(own, 'type')!, title: tomlString(own, 'title')!, words, path: `${path}/${cardId}` };
        });
        return { title: tomlString(head, 'title')!, path, cards };
      });
    });
}

/** One lesson of the content, by its path (/lessons/<section>/<slug>). */
export function contentLesson(path: string): ContentLesson {
  const lesson = contentLessons().find((l) => l.path === path);
  if (!lesson) throw new Error(`no lesson ${path} in content/course.toml`);
  return lesson;
}
