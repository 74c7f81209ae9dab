/**
 * Okabe–Ito colours (safe for the common colour-vision deficiencies) for constituencies; past
 * eight, colours repeat and the legend's shapes still tell them apart by label.
 */
export const OKABE_ITO = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7', '#000000'];

export const constituencyColour = (c: number) => OKABE_ITO[c % OKABE_ITO.length];
