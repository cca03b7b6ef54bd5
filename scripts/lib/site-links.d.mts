// Types of site-links.mjs for its test (the scripts are plain JavaScript).
export interface DeadSiteLink {
  href: string;
  problem: string;
  page: string;
  count: number;
}
export declare function builtPages(dist: string): string[];
export declare function urlOf(page: string): string;
export declare function resolveBuilt(dist: string, pathname: string): string | undefined;
export declare function linksOfHtml(html: string): string[];
export declare function idsOfHtml(html: string): Set<string>;
export declare function checkBuiltLinks(dist: string): {
  pages: number;
  links: number;
  dead: DeadSiteLink[];
};
