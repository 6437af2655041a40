// esg/config: the project file `.esgmark.yaml` is valid. Checked when the file is loaded
// (engine/projectConfig.ts), not on a report's model: its diagnostics are in the file itself.
import type { RuleInfo } from '../rule';

export const configRule: RuleInfo = {
  id: 'esg/config',
  defaultSeverity: 'error',
  description: {
    en: 'The project file `.esgmark.yaml` is valid YAML with known keys, rules, units, KPI ids and frameworks.',
    'zh-Hant': '專案檔 `.esgmark.yaml` 為有效的 YAML，其中的鍵、規則、單位、指標代號及框架均可識別。',
    'zh-Hans': '项目文件 `.esgmark.yaml` 为有效的 YAML，其中的键、规则、单位、指标代号及框架均可识别。',
  },
};
