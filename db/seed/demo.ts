// Two fictional demo tenants with realistic, tiered supply chains, so a fresh install has something
// to look at. Every company, person and address here is invented; goods use the TVPRA list's
// spellings (tvpra-goods.csv) wherever the good is on the list, so risk scoring has data to match.
import type { Kysely } from "kysely";
import { computeTiers } from "../../app/domain/supply-chain/tiers";
import { normalizeName } from "../../app/domain/supply-chain/normalize";
import { hashPassword } from "../../app/lib/password.server";
import type { Database, Role } from "../types";

export const DEMO_PASSWORD = "lantern-demo";

interface DemoSupplier {
  /** Local number: becomes the external_ref suffix and is what `buyers` refers to. */
  n: number;
  /** The tier the data is drawn for; seedDemo checks computeTiers agrees. */
  tier: 1 | 2 | 3 | 4;
  name: string;
  country: string;
  city: string;
  address: string;
  sector: string;
  goods: string[];
  spend: number;
  workers: number;
  contact: string;
  /** Local numbers of the suppliers this one supplies. */
  buyers?: number[];
  status?: "inactive";
  notes?: string;
}

interface DemoOrg {
  slug: string;
  name: string;
  refPrefix: string;
  /** Each signs in as <login>@<slug>.test. */
  users: { login: string; role: Role; name: string }[];
  suppliers: DemoSupplier[];
}

const XINJIANG_NOTE = "Located in Xinjiang: goods are presumed barred from US import under the UFLPA unless traced.";

const ACME: DemoOrg = {
  slug: "acme",
  name: "Acme Apparel",
  refPrefix: "ACME-V-",
  users: [
    { login: "admin", role: "admin", name: "Alex Moreno" },
    { login: "compliance", role: "compliance", name: "Priya Raman" },
    { login: "exec", role: "executive", name: "Jordan Ellis" },
  ],
  suppliers: [
    // Tier 1: garment and footwear factories that ship to Acme.
    { n: 1, tier: 1, name: "Dhaka Knitwear Ltd", country: "BD", city: "Gazipur", address: "Plot 22, BSCIC Industrial Estate, Konabari", sector: "Apparel manufacturing", goods: ["Garments"], spend: 4_800_000, workers: 2400, contact: "Rafiqul Islam" },
    { n: 2, tier: 1, name: "Chattogram Denim Garments Ltd", country: "BD", city: "Chattogram", address: "Road 3, Chattogram Export Processing Zone", sector: "Apparel manufacturing", goods: ["Garments"], spend: 3_250_000, workers: 1850, contact: "Nasrin Akter" },
    { n: 3, tier: 1, name: "Tiruppur Apparel Exports Pvt Ltd", country: "IN", city: "Tiruppur", address: "48 Avinashi Road, Tiruppur 641603", sector: "Apparel manufacturing", goods: ["Garments"], spend: 2_900_000, workers: 1300, contact: "Karthik Subramanian" },
    { n: 4, tier: 1, name: "Pearl River Garment Co., Ltd.", country: "CN", city: "Guangzhou", address: "No. 88 Xingye Road, Panyu District", sector: "Apparel manufacturing", goods: ["Garments"], spend: 2_100_000, workers: 950, contact: "Chen Jing" },
    { n: 5, tier: 1, name: "Saigon Stitch Garment JSC", country: "VN", city: "Ho Chi Minh City", address: "Lot 12, Tan Thuan Export Processing Zone, District 7", sector: "Apparel manufacturing", goods: ["Garments"], spend: 3_600_000, workers: 2100, contact: "Nguyễn Thị Lan" },
    { n: 6, tier: 1, name: "Đồng Nai Footwear Co., Ltd.", country: "VN", city: "Biên Hòa", address: "Road 9, Amata Industrial Park", sector: "Footwear manufacturing", goods: ["Footwear"], spend: 5_400_000, workers: 3800, contact: "Trần Văn Minh" },
    { n: 7, tier: 1, name: "Anatolia Moda Tekstil A.Ş.", country: "TR", city: "Istanbul", address: "Güneşli Mah. Evren Cad. No. 14, Bağcılar", sector: "Apparel manufacturing", goods: ["Garments"], spend: 1_750_000, workers: 620, contact: "Elif Yıldız" },
    { n: 8, tier: 1, name: "Mekong Apparel Manufacturing Co., Ltd.", country: "KH", city: "Phnom Penh", address: "Street 598, Phnom Penh Special Economic Zone", sector: "Apparel manufacturing", goods: ["Garments"], spend: 1_400_000, workers: 1650, contact: "Sophea Chan" },
    { n: 9, tier: 1, name: "Lahore Sportswear (Pvt) Ltd", country: "PK", city: "Lahore", address: "14 km Multan Road", sector: "Sportswear manufacturing", goods: ["Garments"], spend: 1_150_000, workers: 780, contact: "Imran Qureshi" },
    { n: 10, tier: 1, name: "Porto Calçado Lda", country: "PT", city: "Felgueiras", address: "Rua da Indústria 112, 4610-105 Felgueiras", sector: "Footwear manufacturing", goods: ["Footwear"], spend: 2_250_000, workers: 210, contact: "Ana Ferreira" },
    { n: 11, tier: 1, name: "Penang Uniform Works Sdn Bhd", country: "MY", city: "George Town", address: "Lot 7, Bayan Lepas Free Industrial Zone Phase 2", sector: "Apparel manufacturing", goods: ["Garments"], spend: 380_000, workers: 240, contact: "Lim Wei Ming", status: "inactive", notes: "Workwear contract ended; kept for the records." },
    { n: 12, tier: 1, name: "Katunayake Intimates (Pvt) Ltd", country: "LK", city: "Katunayake", address: "Block 4, Katunayake Export Processing Zone", sector: "Apparel manufacturing", goods: ["Garments"], spend: 1_900_000, workers: 1100, contact: "Dilani Perera" },
    // Tier 2: fabric mills, dye houses, tanneries, trims.
    { n: 13, tier: 2, name: "Narayanganj Fabric Mills Ltd", country: "BD", city: "Narayanganj", address: "Adamjee EPZ, Siddhirganj", sector: "Textile mill (knit fabric)", goods: ["Textiles"], spend: 1_300_000, workers: 900, contact: "Mohammad Hasan", buyers: [1, 2] },
    { n: 14, tier: 2, name: "Gazipur Dyeing & Finishing Ltd", country: "BD", city: "Gazipur", address: "Mouza Bhawal, Sreepur", sector: "Dyeing and finishing", goods: ["Textiles"], spend: 640_000, workers: 420, contact: "Farhana Rahman", buyers: [1] },
    { n: 15, tier: 2, name: "Tiruppur Knit Fabrics Pvt Ltd", country: "IN", city: "Perundurai", address: "SIPCOT Industrial Growth Centre, Perundurai", sector: "Textile mill (knit fabric)", goods: ["Textiles"], spend: 880_000, workers: 510, contact: "Lakshmi Narayanan", buyers: [3] },
    { n: 16, tier: 2, name: "Keqiao Textile Co., Ltd.", country: "CN", city: "Shaoxing", address: "China Textile City, Keqiao District", sector: "Textile mill (woven fabric)", goods: ["Textiles"], spend: 1_050_000, workers: 640, contact: "Wang Fang", buyers: [4, 5] },
    { n: 17, tier: 2, name: "Bursa Örme Kumaş San. ve Tic. A.Ş.", country: "TR", city: "Bursa", address: "Demirtaş OSB, Nilüfer", sector: "Textile mill (knit fabric)", goods: ["Textiles"], spend: 520_000, workers: 300, contact: "Mehmet Kaya", buyers: [7] },
    { n: 18, tier: 2, name: "Faisalabad Weaving Mills Ltd", country: "PK", city: "Faisalabad", address: "Sargodha Road, Faisalabad", sector: "Weaving mill", goods: ["Textiles"], spend: 470_000, workers: 650, contact: "Ayesha Malik", buyers: [9] },
    { n: 19, tier: 2, name: "Hưng Yên Fabric JSC", country: "VN", city: "Hưng Yên", address: "Phố Nối A Industrial Park", sector: "Textile mill (woven fabric)", goods: ["Textiles"], spend: 760_000, workers: 560, contact: "Phạm Thu Hà", buyers: [5, 8] },
    { n: 20, tier: 2, name: "Savar Tannery Ltd", country: "BD", city: "Savar", address: "Tannery Industrial Estate, Hemayetpur", sector: "Tannery", goods: ["Leather"], spend: 690_000, workers: 380, contact: "Abdul Karim", buyers: [6, 10] },
    { n: 21, tier: 2, name: "Dongguan Sole & Trim Co., Ltd.", country: "CN", city: "Dongguan", address: "Houjie Town Industrial Zone", sector: "Footwear components", goods: ["Rubber soles"], spend: 430_000, workers: 290, contact: "Liu Yang", buyers: [6] },
    { n: 22, tier: 2, name: "Felgueiras Leather Components Lda", country: "PT", city: "Felgueiras", address: "Zona Industrial de Lagoa, Lote 9", sector: "Footwear components", goods: ["Leather"], spend: 260_000, workers: 65, contact: "João Martins", buyers: [10] },
    { n: 23, tier: 2, name: "Ningbo Trims & Zippers Co., Ltd.", country: "CN", city: "Ningbo", address: "No. 301 Jinhai Road, Beilun District", sector: "Trims and accessories", goods: ["Zippers", "Buttons"], spend: 210_000, workers: 180, contact: "Zhao Lei", buyers: [1, 3, 8] },
    { n: 24, tier: 2, name: "Biyagama Elastic Fabrics (Pvt) Ltd", country: "LK", city: "Biyagama", address: "Biyagama Export Processing Zone, Walgama", sector: "Narrow fabrics", goods: ["Textiles"], spend: 340_000, workers: 270, contact: "Roshan Fernando", buyers: [12] },
    // Tier 3: spinning mills.
    { n: 25, tier: 3, name: "Tiruppur Spinning Mills Ltd", country: "IN", city: "Tiruppur", address: "Palladam Road, Tiruppur 641605", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 620_000, workers: 720, contact: "Senthil Kumar", buyers: [15, 13] },
    { n: 26, tier: 3, name: "Coimbatore Cotton Spinners Pvt Ltd", country: "IN", city: "Coimbatore", address: "Trichy Road, Singanallur", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 410_000, workers: 540, contact: "Meena Krishnan", buyers: [15, 14] },
    { n: 27, tier: 3, name: "Aksu Cotton Yarn Co., Ltd.", country: "CN", city: "Aksu", address: "Aksu Textile Industrial City, Xinjiang", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 350_000, workers: 800, contact: "Ma Jun", buyers: [16], notes: XINJIANG_NOTE },
    { n: 28, tier: 3, name: "Multan Yarn Spinning (Pvt) Ltd", country: "PK", city: "Multan", address: "Industrial Estate Phase 2, Multan", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 300_000, workers: 460, contact: "Bilal Ahmed", buyers: [18] },
    { n: 29, tier: 3, name: "Denizli İplik San. A.Ş.", country: "TR", city: "Denizli", address: "Denizli OSB, 5. Cadde No. 21", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 280_000, workers: 260, contact: "Zeynep Demir", buyers: [17] },
    { n: 30, tier: 3, name: "Fergana Textile Yarn LLC", country: "UZ", city: "Fergana", address: "Al-Farg'oniy Street 41", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 330_000, workers: 610, contact: "Dilshod Karimov", buyers: [19, 17] },
    { n: 31, tier: 3, name: "Bogura Yarn Mills Ltd", country: "BD", city: "Bogura", address: "BSCIC Industrial Area, Bogura", sector: "Spinning mill", goods: ["Thread/Yarn"], spend: 240_000, workers: 390, contact: "Shahana Begum", buyers: [13, 14] },
    // Tier 4: gins and farms.
    { n: 32, tier: 4, name: "Saurashtra Cotton Ginning Co.", country: "IN", city: "Rajkot", address: "Gondal Road GIDC, Rajkot", sector: "Cotton ginning", goods: ["Cotton"], spend: 190_000, workers: 120, contact: "Hitesh Patel", buyers: [25, 26] },
    { n: 33, tier: 4, name: "Vidarbha Cotton Growers Cooperative", country: "IN", city: "Yavatmal", address: "APMC Yard, Yavatmal", sector: "Cotton farming", goods: ["Cotton"], spend: 95_000, workers: 1400, contact: "Sunita Deshmukh", buyers: [25] },
    { n: 34, tier: 4, name: "Tarim Basin Cotton Cooperative", country: "CN", city: "Korla", address: "Bayingolin Prefecture, Xinjiang", sector: "Cotton farming and ginning", goods: ["Cotton"], spend: 150_000, workers: 900, contact: "Li Na", buyers: [27], notes: XINJIANG_NOTE },
    { n: 35, tier: 4, name: "Bukhara Cotton Cluster LLC", country: "UZ", city: "Bukhara", address: "G'ijduvon District, Bukhara Region", sector: "Cotton farming and ginning", goods: ["Cotton"], spend: 170_000, workers: 2200, contact: "Gulnora Rashidova", buyers: [30] },
    { n: 36, tier: 4, name: "Sindh Cotton Ginners (Pvt) Ltd", country: "PK", city: "Sanghar", address: "Tando Adam Road, Sanghar", sector: "Cotton ginning", goods: ["Cotton"], spend: 120_000, workers: 210, contact: "Asif Memon", buyers: [28] },
    { n: 37, tier: 4, name: "Harran Pamuk Çırçır Ltd. Şti.", country: "TR", city: "Şanlıurfa", address: "Harran Ovası, Akçakale Yolu 12. km", sector: "Cotton ginning", goods: ["Cotton"], spend: 110_000, workers: 140, contact: "Mustafa Aydın", buyers: [29] },
    { n: 38, tier: 4, name: "Mato Grosso Algodão Ltda", country: "BR", city: "Rondonópolis", address: "Rodovia BR-364, km 210", sector: "Cotton farming", goods: ["Cotton"], spend: 260_000, workers: 180, contact: "Carlos Oliveira", buyers: [31, 29] },
  ],
};

const BOREALIS: DemoOrg = {
  slug: "borealis",
  name: "Borealis Electronics",
  refPrefix: "BORE-V-",
  users: [
    { login: "admin", role: "admin", name: "Henrik Sørensen" },
    { login: "compliance", role: "compliance", name: "Aiko Tanaka" },
    { login: "exec", role: "executive", name: "Daniel Okafor" },
  ],
  suppliers: [
    // Tier 1: contract manufacturers and finished-goods suppliers.
    { n: 1, tier: 1, name: "Penang Precision Assembly Sdn Bhd", country: "MY", city: "Bayan Lepas", address: "Plot 103, Bayan Lepas Free Industrial Zone Phase 4", sector: "Electronics assembly (EMS)", goods: ["Electronics"], spend: 12_500_000, workers: 3200, contact: "Siti Aminah" },
    { n: 2, tier: 1, name: "Shenzhen Huaxing Electronics Co., Ltd.", country: "CN", city: "Shenzhen", address: "No. 16 Keji South Road, Nanshan District", sector: "Electronics assembly (EMS)", goods: ["Electronics"], spend: 18_000_000, workers: 5400, contact: "Zhang Wei" },
    { n: 3, tier: 1, name: "Hsinchu Circuit Assembly Corp.", country: "TW", city: "Hsinchu", address: "No. 5, Li-Hsin Road, Hsinchu Science Park", sector: "Electronics assembly (EMS)", goods: ["Electronics"], spend: 9_800_000, workers: 1200, contact: "Lin Mei-Ling" },
    { n: 4, tier: 1, name: "Guadalajara Electrónica S.A. de C.V.", country: "MX", city: "Tlajomulco de Zúñiga", address: "Periférico Sur 7980, Parque Industrial", sector: "Electronics assembly (EMS)", goods: ["Electronics"], spend: 6_400_000, workers: 1800, contact: "Alejandra Ruiz" },
    { n: 5, tier: 1, name: "Bắc Ninh Electronics Assembly Co., Ltd.", country: "VN", city: "Bắc Ninh", address: "Lot C2, Yên Phong Industrial Park", sector: "Electronics assembly (EMS)", goods: ["Electronics"], spend: 7_200_000, workers: 4100, contact: "Đỗ Quang Huy" },
    { n: 6, tier: 1, name: "Ayutthaya Devices Co., Ltd.", country: "TH", city: "Ayutthaya", address: "Rojana Industrial Park, Moo 5, U-Thai", sector: "Electronics assembly (EMS)", goods: ["Electronics"], spend: 4_300_000, workers: 1500, contact: "Somchai Wongsakul" },
    { n: 7, tier: 1, name: "Dresden Systemtechnik GmbH", country: "DE", city: "Dresden", address: "Manfred-von-Ardenne-Ring 20, 01099 Dresden", sector: "Electronics assembly", goods: ["Electronics"], spend: 5_100_000, workers: 420, contact: "Katrin Vogel" },
    { n: 8, tier: 1, name: "Klang Safety Gloves Sdn Bhd", country: "MY", city: "Klang", address: "Lot 5, Jalan Kapar, Kawasan Perindustrian", sector: "PPE manufacturing", goods: ["Rubber Gloves"], spend: 640_000, workers: 950, contact: "Rajesh Pillai" },
    { n: 9, tier: 1, name: "Jiangsu Sunrise Solar Modules Co., Ltd.", country: "CN", city: "Changzhou", address: "No. 2 Tianhe Road, Wujin District", sector: "Solar modules", goods: ["Solar Modules"], spend: 8_700_000, workers: 2600, contact: "Sun Hui" },
    { n: 10, tier: 1, name: "Monterrey Power Systems S.A. de C.V.", country: "MX", city: "Apodaca", address: "Av. Industrias 401, Parque Stiva", sector: "Power supplies", goods: ["Electronics"], spend: 1_200_000, workers: 560, contact: "Jorge Treviño", status: "inactive", notes: "Power-supply line moved to Guadalajara in 2025." },
    // Tier 2: components.
    { n: 11, tier: 2, name: "Kaohsiung Semiconductor Packaging Co., Ltd.", country: "TW", city: "Kaohsiung", address: "No. 26, Jingsan Road, Nanzi Export Processing Zone", sector: "Semiconductor packaging", goods: ["Electronics"], spend: 3_900_000, workers: 1100, contact: "Chen Yu-Ting", buyers: [3, 1] },
    { n: 12, tier: 2, name: "Dongguan Battery Cells Co., Ltd.", country: "CN", city: "Dongguan", address: "Songshan Lake Hi-Tech Zone", sector: "Battery cells", goods: ["Lithium-Ion Batteries"], spend: 4_600_000, workers: 1900, contact: "Huang Min", buyers: [2, 5] },
    { n: 13, tier: 2, name: "Johor Capacitor Works Sdn Bhd", country: "MY", city: "Senai", address: "Senai Industrial Park, Jalan Lapangan Terbang", sector: "Passive components", goods: ["Capacitors"], spend: 1_300_000, workers: 700, contact: "Tan Mei Ling", buyers: [1, 6] },
    { n: 14, tier: 2, name: "Suzhou PCB Laminates Co., Ltd.", country: "CN", city: "Suzhou", address: "Xinghu Street 218, Suzhou Industrial Park", sector: "PCB manufacturing", goods: ["Printed Circuit Boards"], spend: 2_200_000, workers: 1300, contact: "Xu Ming", buyers: [2, 3] },
    { n: 15, tier: 2, name: "Chonburi Cable & Connector Co., Ltd.", country: "TH", city: "Si Racha", address: "Amata City Chonburi, Moo 3", sector: "Cables and connectors", goods: ["Cables"], spend: 850_000, workers: 640, contact: "Nattaya Srisuk", buyers: [6, 4] },
    { n: 16, tier: 2, name: "Stuttgart Sensorik GmbH", country: "DE", city: "Stuttgart", address: "Industriestraße 44, 70565 Stuttgart", sector: "Sensors", goods: ["Electronics"], spend: 1_600_000, workers: 310, contact: "Markus Becker", buyers: [7] },
    { n: 17, tier: 2, name: "Jiangxi Photovoltaic Wafer Co., Ltd.", country: "CN", city: "Xinyu", address: "Xinyu Hi-Tech Development Zone", sector: "Solar wafers", goods: ["Photovoltaic Wafers"], spend: 2_700_000, workers: 980, contact: "Zhou Qiang", buyers: [9] },
    { n: 18, tier: 2, name: "Songkhla Latex Products Co., Ltd.", country: "TH", city: "Hat Yai", address: "Km 8, Kanchanavanich Road", sector: "Latex processing", goods: ["Rubber"], spend: 380_000, workers: 260, contact: "Kittisak Chaiyaporn", buyers: [8] },
    { n: 19, tier: 2, name: "Haiphong Precision Plastics Co., Ltd.", country: "VN", city: "Hải Phòng", address: "Lot B3, Deep C Industrial Zone", sector: "Plastic enclosures", goods: ["Plastic parts"], spend: 520_000, workers: 430, contact: "Vũ Thị Mai", buyers: [5] },
    // Tier 3: smelters, refiners and processors.
    { n: 20, tier: 3, name: "Ganzhou Cobalt Refinery Co., Ltd.", country: "CN", city: "Ganzhou", address: "Ganzhou Economic Development Zone", sector: "Cobalt refining", goods: ["Cobalt"], spend: 1_100_000, workers: 450, contact: "Deng Hao", buyers: [12] },
    { n: 21, tier: 3, name: "Bangka Tin Smelter PT", country: "ID", city: "Pangkalpinang", address: "Jl. Raya Mentok Km 5", sector: "Tin smelting", goods: ["Tin"], spend: 760_000, workers: 340, contact: "Budi Santoso", buyers: [13, 14, 11] },
    { n: 22, tier: 3, name: "Butterworth Tin Smelting Sdn Bhd", country: "MY", city: "Butterworth", address: "Jalan Pantai, Butterworth", sector: "Tin smelting", goods: ["Tin"], spend: 540_000, workers: 220, contact: "Ahmad Faizal", buyers: [15, 14] },
    { n: 23, tier: 3, name: "Ningxia Tantalum Metals Co., Ltd.", country: "CN", city: "Shizuishan", address: "Dawukou District, Shizuishan", sector: "Tantalum processing", goods: ["Tantalum"], spend: 690_000, workers: 380, contact: "Yang Jie", buyers: [13] },
    { n: 24, tier: 3, name: "Hanau Edelmetall GmbH", country: "DE", city: "Hanau", address: "Rodenbacher Chaussee 6, 63457 Hanau", sector: "Gold refining", goods: ["Gold"], spend: 1_450_000, workers: 260, contact: "Stefan Wagner", buyers: [16, 11] },
    { n: 25, tier: 3, name: "Shihezi Silicon Materials Co., Ltd.", country: "CN", city: "Shihezi", address: "Shihezi Economic and Technological Development Zone, Xinjiang", sector: "Polysilicon production", goods: ["Polysilicon"], spend: 1_900_000, workers: 1400, contact: "Guo Feng", buyers: [17], notes: XINJIANG_NOTE },
    { n: 26, tier: 3, name: "Jharkhand Mica Processing Pvt Ltd", country: "IN", city: "Koderma", address: "Jhumri Telaiya Industrial Area", sector: "Mica processing", goods: ["Mica"], spend: 180_000, workers: 150, contact: "Anil Mahato", buyers: [14, 15] },
    { n: 27, tier: 3, name: "Trang Rubber Smallholders Cooperative", country: "TH", city: "Trang", address: "Mueang Trang District", sector: "Rubber plantation", goods: ["Rubber"], spend: 140_000, workers: 600, contact: "Prasert Thongdee", buyers: [18] },
    // Tier 4: mines and mineral traders.
    { n: 28, tier: 4, name: "Coopérative Minière de Kolwezi", country: "CD", city: "Kolwezi", address: "Quartier Kasulo, Kolwezi, Lualaba", sector: "Artisanal mining", goods: ["Cobalt ore (heterogenite)"], spend: 90_000, workers: 1800, contact: "Jean-Pierre Mukendi", buyers: [20] },
    { n: 29, tier: 4, name: "Lualaba Mining SARL", country: "CD", city: "Likasi", address: "Route de Likasi, Km 12", sector: "Industrial mining", goods: ["Cobalt ore (heterogenite)", "Copper"], spend: 620_000, workers: 950, contact: "Christine Ilunga", buyers: [20] },
    { n: 30, tier: 4, name: "Kivu Coltan Traders SARL", country: "CD", city: "Bukavu", address: "Avenue Patrice Lumumba 210, Bukavu", sector: "Mineral trading", goods: ["Tantalum ore (coltan)", "Tin ore (cassiterite)"], spend: 210_000, workers: 85, contact: "Patrick Bahati", buyers: [23, 22] },
    { n: 31, tier: 4, name: "Belitung Tin Miners Cooperative", country: "ID", city: "Tanjung Pandan", address: "Jl. Sriwijaya 18, Tanjung Pandan", sector: "Tin mining", goods: ["Tin"], spend: 160_000, workers: 700, contact: "Dewi Lestari", buyers: [21] },
    { n: 32, tier: 4, name: "Kalimantan Gold Mining PT", country: "ID", city: "Palangka Raya", address: "Jl. Tjilik Riwut Km 14", sector: "Gold mining", goods: ["Gold"], spend: 280_000, workers: 520, contact: "Agus Wijaya", buyers: [24] },
    { n: 33, tier: 4, name: "Koderma Mica Collectors Cooperative", country: "IN", city: "Giridih", address: "Tisri Block, Giridih", sector: "Mica collection", goods: ["Mica"], spend: 45_000, workers: 300, contact: "Sunil Yadav", buyers: [26] },
    { n: 34, tier: 4, name: "Hotan Quartz Mining Co., Ltd.", country: "CN", city: "Hotan", address: "Hotan Prefecture, Xinjiang", sector: "Quartz mining", goods: ["Quartz"], spend: 120_000, workers: 260, contact: "Wu Gang", buyers: [25], notes: XINJIANG_NOTE },
  ],
};

export const DEMO_ORGS: readonly DemoOrg[] = [ACME, BOREALIS];

/** firstname.lastname@example.com, ASCII only ("Trần Văn Minh" → tran.van.minh@example.com). */
function demoEmail(name: string): string {
  return `${normalizeName(name).replace(/ /g, ".")}@example.com`;
}


/**
 * City centres (WGS 84, rounded) for the demo sites, which are fictional: each site is put within a
 * couple of kilometres of its city's centre, so the maps show something on a fresh start.
 */
const CITY_CENTRES: Readonly<Record<string, readonly [number, number]>> = {
  Aksu: [41.168, 80.263], Apodaca: [25.781, -100.1886], Ayutthaya: [14.3532, 100.5689], "Bayan Lepas": [5.2945, 100.2593],
  "Biên Hòa": [10.9574, 106.8427], Biyagama: [6.942, 79.989], Bogura: [24.8481, 89.373], Bukavu: [-2.5083, 28.8608],
  Bukhara: [39.7681, 64.4556], Bursa: [40.1885, 29.061], Butterworth: [5.3991, 100.3638], "Bắc Ninh": [21.1861, 106.0763],
  Changzhou: [31.8107, 119.9741], Chattogram: [22.3569, 91.7832], Coimbatore: [11.0168, 76.9558], Denizli: [37.7765, 29.0864],
  Dongguan: [23.0207, 113.7518], Dresden: [51.0504, 13.7373], Faisalabad: [31.4504, 73.135], Felgueiras: [41.364, -8.1978],
  Fergana: [40.3864, 71.7864], Ganzhou: [25.8292, 114.9336], Gazipur: [23.9999, 90.4203], "George Town": [5.4141, 100.3288],
  Giridih: [24.1913, 86.2996], Guangzhou: [23.1291, 113.2644], Hanau: [50.1264, 8.9283], "Hat Yai": [7.0084, 100.4767],
  "Ho Chi Minh City": [10.8231, 106.6297], Hotan: [37.1142, 79.9225], Hsinchu: [24.8138, 120.9675], "Hưng Yên": [20.6464, 106.0511],
  "Hải Phòng": [20.8449, 106.6881], Istanbul: [41.0082, 28.9784], Kaohsiung: [22.6273, 120.3014], Katunayake: [7.1725, 79.8853],
  Klang: [3.0449, 101.4455], Koderma: [24.467, 85.593], Kolwezi: [-10.7148, 25.4667], Korla: [41.7259, 86.1746],
  Lahore: [31.5204, 74.3587], Likasi: [-10.9814, 26.7333], Multan: [30.1575, 71.5249], Narayanganj: [23.6238, 90.5],
  Ningbo: [29.8683, 121.544], "Palangka Raya": [-2.2161, 113.9135], Pangkalpinang: [-2.1316, 106.1169], Perundurai: [11.275, 77.583],
  "Phnom Penh": [11.5564, 104.9282], Rajkot: [22.3039, 70.8022], "Rondonópolis": [-16.4673, -54.6372], Sanghar: [26.0464, 68.9481],
  Savar: [23.8583, 90.2667], Senai: [1.6006, 103.644], Shaoxing: [30.0833, 120.493], Shenzhen: [22.5431, 114.0579],
  Shihezi: [44.3059, 86.0806], Shizuishan: [39.0133, 106.3838], "Si Racha": [13.1737, 100.9311], Stuttgart: [48.7758, 9.1829],
  Suzhou: [31.2989, 120.5853], Tiruppur: [11.1085, 77.3411], "Tanjung Pandan": [-2.7415, 107.6354], "Tlajomulco de Zúñiga": [20.4736, -103.4469], Trang: [7.5563, 99.6114],
  Xinyu: [27.8174, 114.917], Yavatmal: [20.3888, 78.1204], "Şanlıurfa": [37.1591, 38.7969],
};

/** A site near its city's centre; the offset (at most about 2.5 km) follows the supplier's number, so the seed is the same every time. */
export function demoSite(org: string, s: DemoSupplier): { latitude: number; longitude: number } {
  const centre = CITY_CENTRES[s.city];
  if (!centre) throw new Error(`Demo data for ${org}: no coordinates for ${s.city}`);
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { latitude: round(centre[0] + (((s.n * 37) % 11) - 5) * 0.004), longitude: round(centre[1] + (((s.n * 53) % 13) - 6) * 0.004) };
}

const DAY = 86_400_000;

/**
 * Creates the demo tenants acme and borealis (3 users each, password `lantern-demo`) with their
 * supplier graphs. Does nothing and returns false when acme already exists, so it is safe to run on
 * every start.
 */
export async function seedDemo(db: Kysely<Database>): Promise<boolean> {
  const exists = async (q: Kysely<Database>) =>
    (await q.selectFrom("organizations").select("id").where("slug", "=", ACME.slug).executeTakeFirst()) !== undefined;
  if (await exists(db)) return false;

  // argon2 is deliberately slow: hash once, outside the transaction, and share the hash.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  // Backdate the tenants a year and spread supplier registrations over it, so "recently added"
  // lists and trend charts have something to show.
  const orgCreated = new Date(now - 365 * DAY).toISOString();

  return db.transaction().execute(async (trx) => {
    if (await exists(trx)) return false; // another process won the race

    for (const org of DEMO_ORGS) {
      const { id: orgId } = await trx
        .insertInto("organizations")
        .values({ slug: org.slug, name: org.name, created_at: orgCreated })
        .returning("id")
        .executeTakeFirstOrThrow();

      const users = await trx
        .insertInto("users")
        .values(
          org.users.map((u) => ({
            email: `${u.login}@${org.slug}.test`,
            name: u.name,
            password_hash: passwordHash,
            created_at: orgCreated,
            password_changed_at: orgCreated,
          })),
        )
        .returning(["id", "email"])
        .execute();
      await trx
        .insertInto("memberships")
        .values(
          org.users.map((u) => ({
            org_id: orgId,
            user_id: users.find((row) => row.email === `${u.login}@${org.slug}.test`)!.id,
            role: u.role,
            created_at: orgCreated,
          })),
        )
        .execute();

      await seedSuppliers(trx, orgId, org, now);
    }
    return true;
  });
}

async function seedSuppliers(trx: Kysely<Database>, orgId: number, org: DemoOrg, now: number): Promise<void> {
  const localLinks = org.suppliers.flatMap((s) => (s.buyers ?? []).map((b) => ({ supplierId: s.n, buyerId: b })));
  const tiers = computeTiers(
    org.suppliers.map((s) => s.n),
    localLinks,
  );
  for (const s of org.suppliers) {
    if (tiers.get(s.n) !== s.tier) {
      throw new Error(`Demo data for ${org.slug}: supplier ${s.n} is drawn as tier ${s.tier} but computes as ${tiers.get(s.n)}`);
    }
  }

  const ref = (n: number) => `${org.refPrefix}${String(n).padStart(4, "0")}`;
  const rows = org.suppliers.map((s, i) => {
    // Deeper tiers were mapped later: registration dates run from ~11 months ago to last week.
    const created = new Date(now - (330 - Math.round((i * 320) / org.suppliers.length)) * DAY).toISOString();
    return {
      org_id: orgId,
      external_ref: ref(s.n),
      name: s.name,
      name_norm: normalizeName(s.name),
      country: s.country,
      address: s.address,
      city: s.city,
      ...demoSite(org.slug, s),
      sector: s.sector,
      annual_spend: s.spend,
      currency: "USD",
      workers_count: s.workers,
      contact_name: s.contact,
      contact_email: demoEmail(s.contact),
      notes: s.notes ?? null,
      status: s.status ?? "active",
      tier: tiers.get(s.n) ?? null,
      created_at: created,
      updated_at: created,
      version: 1,
    } as const;
  });
  const inserted = await trx.insertInto("suppliers").values(rows).returning(["id", "external_ref"]).execute();
  const idOf = new Map(inserted.map((r) => [r.external_ref, r.id]));
  const id = (n: number) => {
    const found = idOf.get(ref(n));
    if (found === undefined) throw new Error(`Demo data for ${org.slug}: unknown supplier ${n}`);
    return found;
  };

  await trx
    .insertInto("supplier_goods")
    .values(org.suppliers.flatMap((s) => s.goods.map((good) => ({ org_id: orgId, supplier_id: id(s.n), good }))))
    .execute();
  const linkedAt = new Date(now - 7 * DAY).toISOString();
  await trx
    .insertInto("supplier_links")
    .values(
      localLinks.map((l) => ({ org_id: orgId, supplier_id: id(l.supplierId), buyer_id: id(l.buyerId), created_at: linkedAt })),
    )
    .execute();
}
