// Types of check-docs-links.mjs for its test (the scripts are plain JavaScript).
export interface DeadLink {
  file: string;
  line: number;
  href: string;
  problem: string;
}
export declare function githubSlug(heading: string): string;
export declare function siteSlug(heading: string): string;
export declare function anchorsOf(text: string): Set<string>;
export declare function linksOf(text: string): Array<{ line: number; href: string }>;
export declare function checkDocsLinks(root?: string): { pages: number; problems: DeadLink[] };
