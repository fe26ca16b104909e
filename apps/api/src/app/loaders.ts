import { DataSource } from 'typeorm';
import { accessLoaders } from '../modules/access/access.loaders';
import { deliveryLoaders } from '../modules/delivery/delivery.loaders';
import { customerLoaders } from '../modules/customer/customer.loaders';
import { fulfilmentLoaders } from '../modules/fulfilment/fulfilment.loaders';
import { complaintLoaders } from '../modules/complaint/complaint.loaders';
import { returnLoaders } from '../modules/returns/return.loaders';
import { notificationLoaders } from '../modules/notification/notification.loaders';
import { orderLoaders } from '../modules/order/order.loaders';
import { productLoaders } from '../modules/product/product.loaders';
import { purchasingLoaders } from '../modules/purchasing/purchasing.loaders';
import { stockLoaders } from '../modules/stock/stock.loaders';
import { warehouseLoaders } from '../modules/warehouse/warehouse.loaders';

type Catalog = ReturnType<typeof productLoaders> & ReturnType<typeof warehouseLoaders>;

/** Every module's loaders, by module; a module's loaders may use the others' (`loaders`). */
const MODULES = [
  (ds: DataSource, cache: boolean) => ({ ...productLoaders(ds, cache), ...warehouseLoaders(ds, cache) }),
  accessLoaders,
  customerLoaders,
  stockLoaders,
  (ds: DataSource, cache: boolean, loaders: Catalog) => orderLoaders(ds, cache, loaders),
  purchasingLoaders,
  fulfilmentLoaders,
  deliveryLoaders,
  notificationLoaders,
  complaintLoaders,
  returnLoaders,
] as const;

type Union<T> = T extends readonly (infer F)[] ? (F extends (...args: never[]) => infer R ? R : never) : never;
type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** `ctx.loaders`: every module's loaders, by name. */
export type Loaders = Intersection<Union<typeof MODULES>>;

/**
 * One request's (or one live event's) loaders. A module's loaders are made when the request first uses
 * one of them: most requests use a few modules, and making all of them (about 60 DataLoaders, each with
 * its statement) cost a placed order ~3 % of the API's CPU and garbage that lived as long as the request.
 */
class ModuleLoaders {
  readonly made: (Record<string, unknown> | undefined)[] = new Array(MODULES.length);

  constructor(
    readonly ds: DataSource,
    readonly cache: boolean,
  ) {}
}

/** ModuleLoaders' own fields, which a loader's name would hide. */
const OWN = new Set(['made', 'ds', 'cache']);

let described = false;

/** Gives ModuleLoaders a getter per loader, from the names the modules' loaders have (made once to learn them). */
function defineGetters(ds: DataSource): void {
  const names = new Set<string>();
  MODULES.forEach((make, i) => {
    for (const name of Object.keys(make(ds, false, createLoaders(ds, false)))) {
      if (names.has(name)) throw new Error(`two modules declare the loader ${name}`);
      if (name in ModuleLoaders.prototype || OWN.has(name)) throw new Error(`a loader may not be named ${name}`);
      names.add(name);
      Object.defineProperty(ModuleLoaders.prototype, name, {
        get(this: ModuleLoaders) {
          this.made[i] ??= MODULES[i](this.ds, this.cache, this as unknown as Loaders) as Record<string, unknown>;
          return this.made[i][name];
        },
      });
    }
  });
}

/** Every module's loaders for one request (or one live event): `ctx.loaders`. */
export function createLoaders(ds: DataSource, cache = true): Loaders {
  const loaders = new ModuleLoaders(ds, cache) as unknown as Loaders;
  if (!described) {
    described = true; // before defineGetters(), which makes loaders itself
    defineGetters(ds);
  }
  return loaders;
}
