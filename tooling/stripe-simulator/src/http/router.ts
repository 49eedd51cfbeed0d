export interface RouteMatch<H> {
  handler: H;
  /** A path parameter such as `:id`; routes only ask for names their pattern declares. */
  param: (name: string) => string;
}

/** Method + path patterns like `/v1/checkout/sessions/:id/expire`; the first match wins. */
export class Router<H> {
  private readonly routes: { method: string; pattern: RegExp; names: string[]; handler: H }[] = [];

  on(method: string, path: string, handler: H): this {
    const names: string[] = [];
    const source = path.replace(/:([a-z_]+)/g, (_match, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, handler });
    return this;
  }

  match(method: string, pathname: string): RouteMatch<H> | null {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const found = route.pattern.exec(pathname);
      if (!found) continue;
      const values = new Map(
        route.names.map((name, index) => [name, decodeURIComponent(found[index + 1] ?? '')]),
      );
      return {
        handler: route.handler,
        param: (name) => {
          const value = values.get(name);
          if (value === undefined) throw new Error(`Route ${pathname} has no parameter ${name}`);
          return value;
        },
      };
    }
    return null;
  }
}
