// Traditional → Simplified for the characters that occur in school, population and births
// headers and in school and township names. A full conversion table is megabytes; headers
// use a small vocabulary, and an unknown Traditional character only lowers a match's
// confidence (the planner can still map the column by hand).
const PAIRS =
  '學学級级數数總总計计類类師师區区鄉乡鎮镇積积園园員员體体藝艺術术儀仪備备設设資资產产網网絡络' +
  '專专歲岁齡龄標标識识碼码稱称辦办舉举經经緯纬佔占築筑場场館馆運运動动萬万間间個个幹干縣县歷历' +
  '規规於于兒儿託托戶户統统結结態态狀状與与務务義义階阶層层組组單单調调匯汇點点貫贯職职業业註注' +
  '說说別别屬属號号編编測测報报寫写實实際际況况參参應应數数錄录當当時时間间後后這这裡里裏里門门' +
  '長长開开關关東东陽阳陰阴興兴華华龍龙橋桥莊庄營营縣县鄉乡區区廠厂灣湾嶺岭溝沟劉刘陳陈趙赵孫孙' +
  '鄭郑馮冯楊杨韓韩鄧邓蘇苏葉叶彭彭蔣蒋賈贾魏魏吳吴錢钱張张黃黄許许蕭萧羅罗謝谢馬马劉刘顧顾' +
  '爾尔麼么們们來来對对會会過过還还為为這这沒没讓让從从見见現现發发問问題题點点線线綫线車车' +
  '軍军農农頭头樓楼廟庙寨寨屯屯崗岗堡堡鋪铺窯窑衛卫醫医藥药護护園园圖图書书館馆課课講讲讀读' +
  '優优質质均均衡衡達达標标輔辅導导類类樣样統统數数據据錶表頁页總总額额價价値值費费購购買买' +
  '賣卖貸贷幣币寬宽廣广劃划級级離离續续減减補补額额驗验證证險险環环鐵铁鋼钢銀银錦锦鍋锅鐘钟' +
  '國国圍围進进異异盡尽壓压彙汇週周淨净樂乐聖圣寶宝屆届廳厅轄辖壩坝墾垦養养畝亩' +
  '鳳凤鶴鹤鵬鹏麗丽燈灯爐炉煙烟熱热無无雲云電电霧雾靈灵豐丰風风颱台臺台雙双歡欢觀观舊旧親亲' +
  '體体髮发鬥斗齊齐齒齿齡龄聯联聲声聽听職职膽胆腦脑臟脏艱艰藍蓝蘭兰處处號号蟲虫蠶蚕術术衆众' +
  '裝装補补製制複复覽览覺觉親亲觀观計计訊讯記记許许訓训設设證证評评試试詩诗該该詳详認认誠诚' +
  '語语誤误說说課课調调談谈請请論论諸诸謀谋講讲謝谢識识譯译議议讓让豐丰貝贝負负財财責责貧贫' +
  '貨货販贩貫贯賀贺資资賢贤賽赛贊赞趕赶跡迹躍跃車车軌轨軟软較较載载輕轻輛辆輝辉轉转辦办農农' +
  '邊边遼辽適适遺遗遷迁選选鄰邻醫医釋释鍵键鎖锁長长門门閉闭開开閑闲閣阁闊阔關关陸陆陳陈陣阵' +
  '陰阴陽阳隊队際际隨随隱隐雖虽雜杂雞鸡難难電电靜静韋韦頂顶項项順顺須须預预領领頻频題题額额' +
  '類类顯显風风飛飞飯饭飲饮館馆馬马驗验騎骑體体髮发鬧闹魚鱼鮮鲜鳥鸟鳴鸣麥麦黨党齊齐龜龟';

export const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) {
    const from = chars[i] as string;
    const to = chars[i + 1] as string;
    if (from !== to) map.set(from, to);
  }
  return map;
})();

export function toSimplified(text: string): string {
  let out = '';
  for (const ch of text) out += TRADITIONAL_TO_SIMPLIFIED.get(ch) ?? ch;
  return out;
}
