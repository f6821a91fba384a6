// Stage 4's output: file contents without their generated header; the format stage adds it.

/** How a file type writes the one-line generated header. */
export type CommentStyle = 'hash' | 'go-template' | 'html' | 'slash' | 'json';

export interface RenderedFile {
  /** Project-relative path, `/`-separated. */
  readonly path: string;
  readonly content: string;
  readonly commentStyle: CommentStyle;
  /** What the file is generated from, named in its header. */
  readonly sources: readonly string[];
}
