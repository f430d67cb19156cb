/**
 * The built-in plans as raw data (no validation, no zod): the registry (../registry.ts) validates
 * them (the pane gets the list from the registry, in its lazily loaded engine chunk).
 */
import bacQuang from './bac-quang-2024.json';
import dongThap from './dong-thap-2023.json';
import laiChau from './lai-chau-2024.json';
import macDinh from './mac-dinh.json';
import phongTho from './phong-tho-2024.json';
import thanhHoa from './thanh-hoa-2023.json';

export const BUILTIN_PLAN_SOURCES: ReadonlyArray<{ file: string; data: { id: string; title: string } }> = [
  { file: 'mac-dinh.json', data: macDinh },
  { file: 'lai-chau-2024.json', data: laiChau },
  { file: 'phong-tho-2024.json', data: phongTho },
  { file: 'thanh-hoa-2023.json', data: thanhHoa },
  { file: 'bac-quang-2024.json', data: bacQuang },
  { file: 'dong-thap-2023.json', data: dongThap },
];
