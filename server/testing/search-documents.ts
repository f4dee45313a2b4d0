/** @module Five tasks to search in tests: a phrase, its bigrams in another order, full-width letters, two jurisdictions. */
import type { SearchDocument } from '../search/search-index.js';

export const sampleSearchDocuments: readonly SearchDocument[] = [
  { id: 'a', title: '深化医保支付方式改革', text: '深化医保支付方式改革，推行按疾病诊断相关分组（DRG）付费。', jurisdictionId: '350400' },
  { id: 'b', title: '推进分级诊疗', text: '推进分级诊疗制度建设，家庭医生签约服务覆盖率达到30%以上。', jurisdictionId: '350400' },
  { id: 'c', title: '完善药品供应保障', text: '完善药品供应保障制度，落实药品集中采购，降低药品虚高价格。', jurisdictionId: '510100' },
  { id: 'd', title: '支付医保', text: '支付医保的反例：两个字组都在，但顺序不同。', jurisdictionId: '510100' },
  { id: 'e', title: '建立现代医院管理制度', text: '建立现代医院管理制度。', jurisdictionId: '510100' },
];
