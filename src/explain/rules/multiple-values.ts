/**
 * Two layers both adding Access-Control-Allow-Origin (the app and a proxy, gateway or CDN), or a list of
 * origins in one header. The header lines tell the two apart; the fix differs.
 */
import { baseCode, headerValues } from '../../cors';
import { q, type Rule } from '../context';

export const multipleValues: Rule = (c) => {
  if (baseCode(c.code) !== 'MultipleAllowOriginValues') return null;
  const values = c.response ? headerValues(c.response.headers, 'access-control-allow-origin') : [];
  if (values.length > 1) {
    const same = values.every((v) => v === values[0]);
    return (
      `Two layers are each adding Access-Control-Allow-Origin${same ? ' with the same value' : `: ${values.map(q).join(' and ')}`}, typically the application and a proxy, gateway or CDN in front of it. ` +
      'Send it from one layer only and remove it from the other.'
    );
  }
  return (
    'Access-Control-Allow-Origin holds exactly one origin (or *). To allow several origins, compare the request\'s Origin with your list ' +
    'and send back only the one that matches, with Vary: Origin.'
  );
};
