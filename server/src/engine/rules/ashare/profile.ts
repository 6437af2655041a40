// ashare/profile: an A+H issuer (listed on a mainland exchange) that does not claim the A-share
// guidelines, which apply to it (Art. 3); or the guidelines claimed without a mainland listing, which
// makes them voluntary (said as information).
import type { Rule } from '../rule';
import { fyLabel } from '../../context';
import { ashareScope, exchangeList, frontMatterKeyRange, guidelineName } from './scope';

export type AshareProfileData = { exchanges: string[]; claimed: boolean };

export const ashareProfile: Rule<AshareProfileData> = {
  id: 'ashare/profile',
  defaultSeverity: 'warning',
  description: {
    en: 'An issuer listed on a mainland exchange (SSE, SZSE, BSE) claims the A-share guidelines (`ashare-2024`), which apply to it; a claim without such a listing is noted as voluntary.',
    'zh-Hant':
      '於境內交易所（上交所、深交所、北交所）上市的公司須聲明適用 A 股指引（`ashare-2024`）；未於境內上市而聲明者視為自願採用。',
    'zh-Hans':
      '于境内交易所（上交所、深交所、北交所）上市的公司须声明适用 A 股指引（`ashare-2024`）；未于境内上市而声明者视为自愿采用。',
  },
  run(ctx) {
    const scope = ashareScope(ctx);
    if (!scope) return;
    const data = { exchanges: scope.exchanges, claimed: scope.claimed };
    if (scope.exchanges.length && !scope.claimed)
      ctx.report({
        range: frontMatterKeyRange(ctx, 'listings'),
        message: ctx.t('ashare.profile.notClaimed', {
          exchanges: exchangeList(scope.exchanges),
          guideline: guidelineName(ctx, scope),
          fy: fyLabel(ctx.reporting, ctx.locale),
        }),
        data,
      });
    else if (!scope.exchanges.length)
      ctx.report({
        range: frontMatterKeyRange(ctx, 'frameworks'),
        message: ctx.t('ashare.profile.notListed'),
        severity: 'information',
        data,
      });
  },
};
