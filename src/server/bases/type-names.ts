import { findType, national2011, type Text } from '../../regulation/index.js';

/** A base type's name as the programme gives it (the type id when unknown). */
export const typeNameOf = (typeId: string): Text => findType(national2011, typeId)?.name ?? { zh: typeId, en: typeId };
