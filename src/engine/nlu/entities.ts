// Runs the extractors in a safe order (email, order number, size, price, product words) over one message.
import type { Entities } from '../types';
import { extractOrderNumber, type OrderNumberReader } from './extract-contact';
import { extractPrice } from './extract-price';
import { extractProductTerms, type ProductTerms } from './extract-product';
import { extractRingSize, type SizeFound } from './extract-size';

export interface Extraction {
  entities: Entities;
  ruledOut: ProductTerms;
  sizes: SizeFound;
  /** The text with emails, order numbers, sizes and prices replaced by placeholders, for the classifier. */
  rest: string;
}

/** `text` is normalised and spelled right; the email was taken out before the speller could touch it. */
export function extractEntities(text: string, email: string | undefined, readOrderNumber: OrderNumberReader = extractOrderNumber): Extraction {
  const order = readOrderNumber(text);
  const sizes = extractRingSize(order?.rest ?? text);
  const price = extractPrice(sizes.rest);
  const { ruledOut, ...terms } = extractProductTerms(price.rest);
  const entities: Entities = {
    ...terms,
    ...price.range,
    ...(order && { orderNumber: order.value }),
    ...(email && { email }),
    ...(sizes.ringSize !== undefined && { ringSize: sizes.ringSize }),
  };
  return { entities, ruledOut, sizes, rest: price.rest };
}
